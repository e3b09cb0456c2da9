package org.casework.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** The one JSON configuration of the API: ISO-8601 dates, strict input, no nulls in output. */
public final class JsonSupport {

    private JsonSupport() {
    }

    /** A mapper configured the way the whole API reads and writes JSON. */
    public static ObjectMapper newMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return mapper;
    }

    /**
     * The JSON provider. Jackson's provider accepts {@code application/json} and every
     * {@code application/*+json} type, which covers {@code application/problem+json}; it leaves
     * streams, byte arrays and strings to CXF's own providers. Empty bodies are refused.
     */
    public static JacksonJsonProvider newProvider(ObjectMapper mapper) {
        return new CaseworkJsonProvider(mapper);
    }
}
