package dev.reapi.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PropertyIdsTest {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Test
    void isValid_agreesWithTheDocumentedRule_onEdgeCases() {
        List<String> ids = new ArrayList<>();
        ids.addAll(List.of("", "P000000001", "a", "Z_-9", "x".repeat(64), "x".repeat(65)));
        ids.addAll(List.of("P 1", "P/1", "P%31", "P.1", "é", "P1\n", "-", "_", "`", "{", "@", "["));
        for (char c = 0; c < 256; c++) {
            ids.add("P" + c);
        }

        for (String id : ids) {
            assertThat(PropertyIds.isValid(id))
                    .as("'%s'", id)
                    .isEqualTo(RULE.matcher(id).matches());
        }
    }
}
