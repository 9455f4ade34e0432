package io.tokenlife.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a test source, build file or script of the repository reaches outside it: a place known to lie
 * beside the repository, an absolute path of a developer's machine, or a relative path whose {@code ..} steps
 * climb above the repository root from the folder that path is resolved against. Comments are scanned too:
 * a comment that points outside the repository points a reader there.
 */
final class OutsideReads {
    /** What the files of this project were once read from beside the repository, and must not be again. */
    static final Pattern OUTSIDE_NAMES = Pattern.compile(
            "shared/(?:testvectors|tools|hooks)\\b|(?<![\\w.])\\.\\./shared\\b|\\bSPEC\\.md\\b|\\bSTYLE\\.md\\b|\\bARCHITECTURE-REVIEW\\.md\\b");
    static final String BESIDE = "names a place beside the repository";
    static final String ON_ONE_MACHINE = "is an absolute path on one machine";
    private static final Pattern MACHINE_PATH = Pattern.compile("(?<![\\w.~$}-])/(?:work|home|root|Users|mnt|media)/");
    /** One chain of parent steps: {@code ..} alone or repeated with a slash, a backslash or Java's {@code ", "} between. */
    private static final Pattern PARENT_STEPS = Pattern.compile("(?<![\\w.])\\.\\.(?:(?:/|\\\\|\"\\s*,\\s*\")\\.\\.)*(?![\\w.])");
    private static final Pattern PARENT_STEP = Pattern.compile("\\.\\.");
    /** A shell path anchored on the script's own folder: {@code "$(dirname "$0")/..}. */
    private static final Pattern AFTER_DIRNAME = Pattern.compile("dirname[^)\\n]*\\)\"?/$");
    private static final Pattern AFTER_VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?/$");
    /** {@code name="$(cd -P "$(dirname "$0")/.." && pwd)"}: a variable holding a folder relative to the script. */
    private static final Pattern SCRIPT_FOLDER_VARIABLE = Pattern.compile(
            "(?m)^\\s*(?:local\\s+|readonly\\s+)?(\\w+)=\"?\\$\\(cd\\s+(?:-P\\s+)?\"?\\$\\(dirname [^)\\n]*\\)\"?((?:/\\.\\.)*)\"?\\s*&&\\s*pwd\\)");
    private static final Pattern AFTER_MAVEN_ROOT = Pattern.compile("\\$\\{(?:maven\\.multiModuleProjectDirectory|session\\.executionRootDirectory)}/$");

    /** One place that reaches outside: file (relative to the root), line, the text found and why it is outside. */
    record Finding(String file, int line, String found, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": '" + found + "' " + why;
        }
    }

    /** How a file's relative paths are resolved: what it is, and the depth below the root of its base folder. */
    enum Kind {
        /** A test source or resource: relative paths resolve against the module folder, the tests' working directory. */
        TEST,
        /** A pom.xml: against its own folder. Maven's configuration under .mvn/: against the root. */
        BUILD,
        /** A script: against its own folder when anchored on it ({@code $(dirname "$0")}); otherwise the caller's folder, unknown. */
        SCRIPT,
        /** Deployment files: against their own folder; a Dockerfile against its build context, the root. */
        DEPLOY
    }

    private OutsideReads() {
    }

    /** The kind of a file given by its path relative to the root, or empty when it is none of the checked files. */
    static Optional<Kind> kindOf(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (file.contains("/src/test/")) {
            return Optional.of(Kind.TEST);
        }
        if (name.equals("pom.xml") || file.startsWith(".mvn/")) {
            return Optional.of(Kind.BUILD);
        }
        if (file.startsWith(".ci/") || file.startsWith("bin/") || (file.startsWith("bench/") && name.endsWith(".sh"))) {
            return Optional.of(Kind.SCRIPT);
        }
        if (file.startsWith("deploy/")) {
            return Optional.of(Kind.DEPLOY);
        }
        return Optional.empty();
    }

    /** Every place in {@code text} (the content of {@code file}, a path relative to the root) that reaches outside. */
    static List<Finding> scan(String file, String text) {
        Kind kind = kindOf(file).orElseThrow(() -> new IllegalArgumentException(file + " is not a test, build file or script"));
        List<Finding> findings = new ArrayList<>();
        find(file, text, OUTSIDE_NAMES, BESIDE, findings);
        boolean dockerfile = kind == Kind.DEPLOY && file.substring(file.lastIndexOf('/') + 1).startsWith("Dockerfile");
        if (!dockerfile) { // a Dockerfile's absolute paths are inside the image; what it copies is relative to its context
            find(file, text, MACHINE_PATH, ON_ONE_MACHINE, findings);
        }
        int ownFolder = depth(folderOf(file));
        int base = switch (kind) {
            case TEST -> depth(file.substring(0, file.indexOf("/src/test/")));
            case BUILD -> file.startsWith(".mvn/") ? 0 : ownFolder;
            case SCRIPT -> 0;
            case DEPLOY -> dockerfile ? 0 : ownFolder;
        };
        Map<String, Integer> scriptFolders = kind == Kind.SCRIPT ? scriptFolderVariables(text, ownFolder) : Map.of();
        Matcher steps = PARENT_STEPS.matcher(text);
        while (steps.find()) {
            String before = text.substring(text.lastIndexOf('\n', steps.start()) + 1, steps.start());
            int from = baseOf(kind, before, base, ownFolder, scriptFolders);
            int climbs = (int) PARENT_STEP.matcher(steps.group()).results().count();
            if (climbs > from) {
                findings.add(new Finding(file, line(text, steps.start()), before.stripLeading() + steps.group(),
                        "climbs " + climbs + " folder(s) from a folder " + from + " below the repository root"));
            }
        }
        return findings;
    }

    /** The depth of the folder a chain of parent steps starts from, given the text on its line before it. */
    private static int baseOf(Kind kind, String before, int base, int ownFolder, Map<String, Integer> scriptFolders) {
        if (kind == Kind.SCRIPT) {
            if (AFTER_DIRNAME.matcher(before).find()) {
                return ownFolder;
            }
            Matcher variable = AFTER_VARIABLE.matcher(before);
            return variable.find() ? scriptFolders.getOrDefault(variable.group(1), 0) : 0;
        }
        if (kind == Kind.BUILD && AFTER_MAVEN_ROOT.matcher(before).find()) {
            return 0;
        }
        return base;
    }

    /** Variables a script sets to its own folder or one above it, with that folder's depth. */
    private static Map<String, Integer> scriptFolderVariables(String text, int ownFolder) {
        Map<String, Integer> folders = new HashMap<>();
        Matcher m = SCRIPT_FOLDER_VARIABLE.matcher(text);
        while (m.find()) {
            folders.put(m.group(1), ownFolder - (int) PARENT_STEP.matcher(m.group(2)).results().count());
        }
        return folders;
    }

    private static void find(String file, String text, Pattern pattern, String why, List<Finding> findings) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            findings.add(new Finding(file, line(text, m.start()), m.group(), why));
        }
    }

    private static String folderOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    private static int depth(String folder) {
        return folder.isEmpty() ? 0 : folder.split("/").length;
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
