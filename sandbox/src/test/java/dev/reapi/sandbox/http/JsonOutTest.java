package dev.reapi.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonOutTest {

    @Test
    void value_plainText_isWrittenAsIs() {
        String json =
                new JsonOut(16).beginObject().field("street", "1 Öak St").endObject().toString();

        assertThat(json).isEqualTo("{\"street\":\"1 Öak St\"}");
    }

    @Test
    void value_textWithQuotesControlsAndLineSeparators_isEscaped() {
        String json =
                new JsonOut(16)
                        .beginArray()
                        .value("a\"b\\c\nd\re\tf\u0001g\u2028h\u2029")
                        .value("plain")
                        .endArray()
                        .toString();

        assertThat(json)
                .isEqualTo("[\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028h\\u2029\",\"plain\"]");
    }
}
