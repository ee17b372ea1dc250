package dev.atrium.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading YAML files the tests check (workflow, manifests, configuration) as plain maps and lists. */
public final class YamlNodes {

    private YamlNodes() {
    }

    /** The file's first document. */
    public static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(yaml().load(reader));
        }
    }

    /** Every (non-empty) document of a multi-document file. */
    public static List<Map<String, Object>> loadAll(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        }
        return documents;
    }

    /** The node at a path of keys, or null where the path ends early. */
    public static Object at(Map<String, Object> root, String... path) {
        Object node = root;
        for (String key : path) {
            if (node == null) {
                return null;
            }
            node = map(node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
