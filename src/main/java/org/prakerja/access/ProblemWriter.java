package org.prakerja.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.prakerja.common.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem from a servlet filter, where no controller advice reaches. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, String code, String detail) throws IOException {
        write(response, code, detail, Map.of());
    }

    public void write(HttpServletResponse response, String code, String detail, Map<String, Object> extra)
            throws IOException {
        var problem = Problems.of(code, detail, extra);
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(json.writeValueAsString(problem.getBody()));
    }
}
