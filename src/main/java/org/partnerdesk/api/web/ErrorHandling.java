package org.partnerdesk.api.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.partnerdesk.api.ApiException;
import org.partnerdesk.api.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/** The one place that turns refusals and framework errors into Zendesk's error JSON; never a bare 500 page. */
@RestControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException refusal) {
        return respond(refusal);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        if (JsonBodyLimit.isTooLarge(e)) {
            return respond(JsonBodyLimit.refusal());
        }
        return respond(ApiException.badRequest("InvalidJson", "The request body is not valid JSON."));
    }

    // the API speaks JSON only: an Accept it cannot satisfy is answered, in JSON, instead of failing the answer itself
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(new ApiException(406, "NotAcceptable", "This endpoint answers application/json; send Accept: application/json."));
    }

    // Tomcat could not decode a parameter (a form body that is not UTF-8); query strings are checked before (QueryTextFilter)
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Map<String, Object>> undecodable(InvalidParameterException e) {
        return respond(ApiException.badRequest("InvalidParameter", "A request parameter is not percent-encoded UTF-8."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return respond(ApiException.badRequest("InvalidParameter",
                "Parameter " + e.getName() + " has a value of the wrong type."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return respond(ApiException.badRequest("InvalidParameter", "Parameter " + e.getParameterName() + " is required."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noEndpoint(NoResourceFoundException e) {
        return respond(new ApiException(404, "InvalidEndpoint", "Not found: there is no such endpoint."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return respond(new ApiException(405, "MethodNotAllowed", "This endpoint does not answer " + e.getMethod() + "."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(new ApiException(415, "UnsupportedMediaType", "Send the body as application/json."));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return respond(new ApiException(413, "RequestEntityTooLarge", "The request is larger than this endpoint accepts."));
    }

    // a unique index caught a race the service's own check missed: still the client's conflict, not a 500
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Map<String, Object>> duplicate(DuplicateKeyException e) {
        return respond(new ApiException(422, "RecordInvalid", "A record with the same unique value already exists."));
    }

    @ExceptionHandler(Exception.class)
    @Nullable ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the client hung up: nobody to answer and nothing wrong on our side; one line, no stack trace
            log.info("The client went away before the answer: {}", String.valueOf(e));
            return null;
        }
        if (DatabaseOutage.explains(e)) {
            // issue #11 item 7: the database is out of reach, not the request at fault: 503 and when to come back
            log.warn("Database unavailable: {}", String.valueOf(e));
            return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_JSON).body(ErrorResponses.body(DatabaseOutage.refusal()));
        }
        if (JsonBodyLimit.isTooLarge(e)) {
            return respond(JsonBodyLimit.refusal());
        }
        log.error("Unexpected error", e);
        return respond(new ApiException(500, "InternalError", "Something went wrong on our side; nothing was changed."));
    }

    // the content type is set, not negotiated: an error is written as JSON whatever the request's Accept header asks for
    static ResponseEntity<Map<String, Object>> respond(ApiException refusal) {
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON).body(ErrorResponses.body(refusal));
    }
}
