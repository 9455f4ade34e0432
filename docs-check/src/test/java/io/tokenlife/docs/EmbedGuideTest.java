package io.tokenlife.docs;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tokenlife.docs.RepositoryFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding guide's consumer project is a Maven project of its own (no tokenlife parent), so its versions
 * are written out: they must stay those of the repository, and the guide must name the same ones.
 */
class EmbedGuideTest {
    private static final String EXAMPLE = "examples/embedded-validation/pom.xml";
    private static final Pattern GUIDE_DEPENDENCY = Pattern.compile(
            "<artifactId>(token-[a-z-]+)</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void the_example_is_standalone_and_depends_on_the_domain_and_adapter_jars_of_this_version() throws Exception {
        Element root = pom("pom.xml");
        Element example = pom(EXAMPLE);
        assertThat(child(example, "parent")).as(EXAMPLE + " has no parent: it builds like a user's project").isNull();
        String version = text(root, "version");
        Map<String, String> exampleProperties = properties(example);
        assertThat(exampleProperties.get("tokenlife.version")).as("tokenlife.version of " + EXAMPLE).isEqualTo(version);
        List<String> tokenlifeDependencies = new ArrayList<>();
        NodeList dependencies = example.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if ("io.tokenlife".equals(text(dependency, "groupId"))) {
                tokenlifeDependencies.add(text(dependency, "artifactId") + ":" + text(dependency, "version"));
            }
        }
        assertThat(tokenlifeDependencies).containsExactlyInAnyOrder("token-domain:${tokenlife.version}",
                "token-adapters-jwt:${tokenlife.version}", "token-adapters-persistence:${tokenlife.version}");
    }

    @Test
    void the_example_uses_the_library_versions_of_the_root_pom() throws Exception {
        Map<String, String> rootProperties = properties(pom("pom.xml"));
        Map<String, String> differing = new LinkedHashMap<>();
        int shared = 0;
        for (Map.Entry<String, String> property : properties(pom(EXAMPLE)).entrySet()) {
            String rootValue = rootProperties.get(property.getKey());
            if (rootValue != null) {
                shared++;
                if (!rootValue.equals(property.getValue())) {
                    differing.put(property.getKey(), property.getValue() + " (root pom.xml: " + rootValue + ")");
                }
            }
        }
        assertThat(shared).as("properties the example shares with the root pom").isGreaterThanOrEqualTo(5);
        assertThat(differing).as("versions of " + EXAMPLE + " that differ from the root pom.xml").isEmpty();
    }

    @Test
    void the_guide_names_the_installed_artifacts_with_the_repository_version() throws Exception {
        String version = text(pom("pom.xml"), "version");
        Matcher m = GUIDE_DEPENDENCY.matcher(read("docs/how-to/embed-domain-jar.md"));
        Map<String, String> named = new LinkedHashMap<>();
        while (m.find()) {
            named.put(m.group(1), m.group(2));
        }
        assertThat(named).as("dependencies in docs/how-to/embed-domain-jar.md").containsExactlyInAnyOrderEntriesOf(Map.of(
                "token-domain", version, "token-adapters-jwt", version, "token-adapters-persistence", version));
    }

    private static Element pom(String file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(read(file).getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static Map<String, String> properties(Element project) {
        Map<String, String> properties = new LinkedHashMap<>();
        Element block = child(project, "properties");
        if (block != null) {
            for (Node n = block.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().strip());
                }
            }
        }
        return properties;
    }

    /** A direct child element, or null. */
    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
