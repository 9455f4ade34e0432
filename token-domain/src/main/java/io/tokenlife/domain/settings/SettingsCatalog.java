package io.tokenlife.domain.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every variable a process reads: the union of the {@code VARIABLES} lists of the modules it is built
 * from, ordered by section and then as declared. The one list the documents are generated from.
 */
public record SettingsCatalog(List<Setting<?>> settings) {
    public SettingsCatalog {
        List<Setting<?>> sorted = new ArrayList<>(settings);
        sorted.sort(Comparator.comparingInt(s -> s.section().order())); // stable: declaration order within a section
        Set<String> names = new HashSet<>();
        for (Setting<?> setting : sorted) {
            if (!names.add(setting.name())) {
                throw new IllegalArgumentException(setting.name() + " is declared twice");
            }
            if (setting.doc().isBlank()) {
                throw new IllegalArgumentException(setting.name() + " has no documentation");
            }
        }
        settings = List.copyOf(sorted);
    }

    @SafeVarargs
    public static SettingsCatalog of(List<Setting<?>>... lists) {
        return new SettingsCatalog(Stream.of(lists).flatMap(List::stream).toList());
    }

    public Optional<Setting<?>> find(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return settings.stream().map(Setting::name).toList();
    }

    /**
     * For each of {@code names} that is not one of ours but looks like one (a typo, a missing suffix, the
     * wrong case), the variable it was probably meant to be. Names that look like nothing of ours are
     * left alone: the environment holds many variables of other programs.
     */
    public List<NearMiss> nearMisses(Collection<String> names) {
        List<String> known = names();
        return names.stream().sorted()
                .filter(name -> !known.contains(name))
                .flatMap(name -> SimilarNames.closest(name, known).map(k -> new NearMiss(name, k)).stream())
                .toList();
    }

    /** A variable that is set but not read, and the one it resembles. */
    public record NearMiss(String name, String closest) {
    }
}
