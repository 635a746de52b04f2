package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

/** Placeholder until protobuf bodies are read. */
final class ProtobufBodies {

    static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    private ProtobufBodies() {}

    static JsonNode toJson(byte[] body) throws ApiError {
        throw ApiError.unsupportedMediaType(MEDIA_TYPE);
    }
}
