package org.parley.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.NotFoundException;
import org.parley.platform.TooManyRequestsException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every API error as RFC 9457 problem details, with one message per field in {@code errors}, in the
 * language the client asked for (Accept-Language).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    record FieldMessage(String field, String message) {
    }

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, text(e.getMessage()), request);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, text(e.getMessage(), e.args()), request);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, text(e.getMessage()), request));
    }

    /** The problem details of one of the platform's exceptions, for {@link FastWrites}; null for any other. */
    ResponseEntity<ProblemDetail> render(RuntimeException e, HttpServletRequest request) {
        return switch (e) {
            case NotFoundException n -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound(n, request));
            case ForbiddenException f -> ResponseEntity.status(HttpStatus.FORBIDDEN).body(forbidden(f, request));
            case ConflictException c -> ResponseEntity.status(HttpStatus.CONFLICT).body(conflict(c, request));
            case InvalidInputException i -> ResponseEntity.status(HttpStatus.BAD_REQUEST).body(invalid(i, request));
            case TooManyRequestsException t -> tooMany(t, request);
            default -> null;
        };
    }

    @ExceptionHandler({BadCredentialsException.class, LockedException.class})
    ProblemDetail badCredentials(RuntimeException e, HttpServletRequest request) {
        HttpStatus status = e instanceof LockedException ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED;
        return problem(status, e instanceof LockedException ? e.getMessage() : "Wrong username or password", request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, HttpServletRequest request) {
        List<FieldMessage> errors = e.problems().stream()
                .map(p -> new FieldMessage(p.field(), text(p.code(), p.args()))).toList();
        return withErrors(problem(HttpStatus.BAD_REQUEST, errors.getFirst().message(), request), errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        var error = new FieldMessage(e.getName(), text("error.value.invalid", String.valueOf(e.getValue())));
        return withErrors(problem(HttpStatus.BAD_REQUEST, error.message(), request), List.of(error));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldMessage> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldMessage(f.getField(), messages.getMessage(f, locale))));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldMessage(g.getObjectName(), messages.getMessage(g, locale))));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation"));
        withErrors(body, errors);
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldMessage> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new FieldMessage(r.getMethodParameter().getParameterName(), messages.getMessage(err, locale)))));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation"));
        withErrors(body, errors);
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.body.unreadable"));
        if (e.getCause() instanceof DatabindException bad && !bad.getPath().isEmpty()) {
            String field = bad.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            withErrors(body, List.of(new FieldMessage(field, text("error.value.invalid", field))));
        }
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setInstance(URI.create(request.getRequestURI()));
        return p;
    }

    private static ProblemDetail withErrors(ProblemDetail p, List<FieldMessage> errors) {
        p.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return p;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
