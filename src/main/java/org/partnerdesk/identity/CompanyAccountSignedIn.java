package org.partnerdesk.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * UI-1: after the company's provider signed a staff member in, the session holds the same authentication a password
 * sign-in gives ({@link PasswordSignIn.SignedIn}, our {@code Actor}), so every page, the session index and the sign-out
 * work the same; then the agent goes where a password sign-in goes.
 */
final class CompanyAccountSignedIn implements AuthenticationSuccessHandler {

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final AuthenticationSuccessHandler startPage = new PageSecurity.StartPage();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication provider)
            throws IOException, ServletException {
        if (!(provider.getPrincipal() instanceof StaffAccounts.StaffMember staff)) {
            throw new InsufficientAuthenticationException("a company sign-in without a staff member"); // StaffAccounts makes them all
        }
        Authentication signedIn = PasswordSignIn.signedIn(staff.actor());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedIn);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        startPage.onAuthenticationSuccess(request, response, signedIn);
    }
}
