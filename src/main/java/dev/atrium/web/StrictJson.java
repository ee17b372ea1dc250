package dev.atrium.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON bodies with a key given twice are refused rather than read: which of the two values counts is
 * ambiguous (one client library keeps the first, Jackson the last), and for records Jackson could not map
 * them at all and the request failed with a 500. The parser then reports the repeat, which the global
 * mapping answers with a 400.
 */
@Singleton
class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }
}
