package org.prakerja.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The portal's and the console's form login: the same accounts and password check as
 * {@code POST /api/v1/sessions}, but the session lives in the session store instead of a token.
 */
final class PortalLogin implements AuthenticationProvider {

    private final Credentials credentials;

    PortalLogin(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = String.valueOf(attempt.getPrincipal()).strip();
        String password = String.valueOf(attempt.getCredentials());
        if (email.isEmpty() || email.length() > 254 || password.isEmpty() || password.length() > 200) {
            throw new BadCredentialsException("bad credentials");
        }
        return switch (credentials.authenticate(email, password)) {
            case LoginResult.Authenticated(var accountId, var user) -> UsernamePasswordAuthenticationToken.authenticated(
                    user, null, List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
            case LoginResult.BadCredentials refused -> throw new BadCredentialsException("bad credentials");
            // the page says for how long, as the API's 429 LOGIN_LOCKED does
            case LoginResult.Locked locked -> throw new LoginLockedException((locked.retryAfterSeconds() + 59) / 60);
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Back where the person was going, or to their home: the dashboard, or the console for staff. */
    static final class Landing extends SavedRequestAwareAuthenticationSuccessHandler {

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) {
            return authentication.getPrincipal() instanceof CurrentUser user ? homeOf(user.role()) : "/";
        }

        static String homeOf(Role role) {
            return role == Role.PARTICIPANT ? "/dashboard" : "/ops";
        }
    }

    /**
     * Back to the form with what went wrong and the email typed (never the password), carried to the
     * next page once, like any form that re-shows itself.
     */
    static final class Refused implements AuthenticationFailureHandler {

        private final SessionFlashMapManager flash = new SessionFlashMapManager();

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException failure) throws IOException {
            var carried = new FlashMap();
            String email = request.getParameter("email");
            carried.put("email", email == null ? "" : email.strip());
            carried.put("failure", failure instanceof LoginLockedException locked ? "locked" : "bad-credentials");
            if (failure instanceof LoginLockedException locked) {
                carried.put("lockedMinutes", locked.minutesLeft());
            }
            carried.setTargetRequestPath("/login");
            flash.saveOutputFlashMap(carried, request, response);
            response.sendRedirect(request.getContextPath() + "/login");
        }
    }
}
