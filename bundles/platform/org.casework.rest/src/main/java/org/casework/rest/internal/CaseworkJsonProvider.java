package org.casework.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

import org.casework.core.api.ValidationException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Jackson's JAX-RS provider, which reads and writes {@code application/json} and every
 * {@code application/*+json} type (so also {@code application/problem+json}), refusing an empty
 * or {@code null} request body: a resource method that declares a body can rely on getting one,
 * instead of failing on null with a server error.
 */
public final class CaseworkJsonProvider extends JacksonJsonProvider {

    public CaseworkJsonProvider(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> httpHeaders, InputStream entityStream)
            throws IOException {
        Object value = super.readFrom(type, genericType, annotations, mediaType, httpHeaders,
                entityStream);
        if (value == null) {
            throw new ValidationException(null, "required", "The request needs a JSON body.");
        }
        return value;
    }
}
