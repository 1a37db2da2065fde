package dev.reapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against {@code #/components/schemas/X} of docs/api/upstream-v1.yaml, with $refs
 * resolved inside the document and formats asserted.
 */
final class Contract {
    private static final JsonNode DOCUMENT = load();
    private static final JsonSchemaFactory FACTORY =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Contract() {}

    private static JsonNode load() {
        Path yaml = Path.of("..", "docs", "api", "upstream-v1.yaml");
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml.toAbsolutePath(), e);
        }
    }

    /** The validation errors of {@code json} against the named component schema (empty = valid). */
    static Set<ValidationMessage> errors(String schemaName, JsonNode json) {
        JsonSchema schema =
                SCHEMAS.computeIfAbsent(
                        schemaName,
                        name -> {
                            ObjectNode root = DOCUMENT.deepCopy();
                            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                            root.put("$ref", "#/components/schemas/" + name);
                            return FACTORY.getSchema(
                                    URI.create("https://reapi.dev/upstream-v1.json"), root, CONFIG);
                        });
        return schema.validate(json);
    }

    static JsonNode document() {
        return DOCUMENT;
    }
}
