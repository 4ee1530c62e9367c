package org.partnerdesk.console;

import jakarta.servlet.http.HttpServletResponse;
import org.partnerdesk.api.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** UI-1: a page's refusal is a page in the layout with the API's status and words, never a JSON body or a stack trace. */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, Model model, HttpServletResponse response) {
        return page(e.status(), titleFor(e.status()), e.description(), model, response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String malformed(Exception e, Model model, HttpServletResponse response) {
        return page(400, "Bad request", "This address is missing a value or has one the desk cannot read.", model, response);
    }

    static String page(int status, String title, String description, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("description", description);
        return "console/error";
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Changed meanwhile";
            case 413 -> "Too large";
            case 422 -> "Can't save this";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Something went wrong" : "Can't do this";
        };
    }
}
