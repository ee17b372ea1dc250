package dev.atrium.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The RFC 9457 problem document every API error is, as the OpenAPI document describes it (the global error
 * mapping writes it; this record only documents its shape).
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
record ProblemDoc(
        @Schema(example = "about:blank") String type,
        @Schema(example = "Bad Request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "The post is not valid.") String detail,
        @Schema(example = "/api/v1/posts") String instance,
        @Schema(description = "Quote it when reporting an error") String requestId,
        @Schema(description = "One entry per invalid field, on validation errors") List<FieldError> errors) {

    @Schema(name = "FieldError")
    record FieldError(String field, String message) {
    }
}
