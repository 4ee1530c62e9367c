package org.partnerdesk.api.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.partnerdesk.api.ApiException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to {@code /error} (a refusal by the firewall or a filter, an exception no
 * controller advice saw) in the Zendesk error shape and always as JSON, instead of Spring Boot's page, which is HTML
 * for a browser's Accept and empty for one it cannot write.
 */
@Hidden // not an endpoint of the API: the container forwards here
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (JsonBodyLimit.isTooLarge((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            return ErrorHandling.respond(JsonBodyLimit.refusal());
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 500;
        return ErrorHandling.respond(switch (status) {
            case 400 -> ApiException.badRequest("InvalidRequest", "The request is malformed (its address, a header or its body).");
            case 401 -> new ApiException(401, "Unauthorized", "Sign in with an API token: email/token:API_TOKEN (basic) or Bearer API_TOKEN.");
            case 403 -> ApiException.forbidden("You are not allowed to do this.");
            case 404 -> new ApiException(404, "InvalidEndpoint", "Not found: there is no such endpoint.");
            case 405 -> new ApiException(405, "MethodNotAllowed", "This endpoint does not answer " + request.getMethod() + ".");
            case 413 -> new ApiException(413, "RequestEntityTooLarge", "The request is larger than this endpoint accepts.");
            default -> status < 500 ? new ApiException(status, "InvalidRequest", "The request was refused.")
                    : new ApiException(status, "InternalError", "Something went wrong on our side; nothing was changed.");
        });
    }
}
