package org.partnerdesk.attachment;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code POST /api/v2/uploads} says about the file before its bytes arrive: the name as sent, the declared
 * content type, the token of an upload to join, and the declared length ({@code -1}: unknown, chunked).
 */
public record NewFile(String fileName, @Nullable String declaredType, @Nullable String token, long declaredLength) {
}
