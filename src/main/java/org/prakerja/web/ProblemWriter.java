package org.prakerja.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.prakerja.common.CommonRefusal;
import org.prakerja.common.Refusal;
import org.prakerja.web.Problems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem from a servlet filter, where no controller advice reaches. */
@Component
public class ProblemWriter {

    private final JsonMapper json;
    // the codes a filter may name as strings: the generic ones, and those given by knowing(...)
    private final List<Refusal> known;

    @Autowired
    ProblemWriter(JsonMapper json) {
        this(json, List.of(CommonRefusal.values()));
    }

    private ProblemWriter(JsonMapper json, List<Refusal> known) {
        this.json = json;
        this.known = known;
    }

    /** A writer that also finds these refusals by their code, for a filter that names codes as strings. */
    public ProblemWriter knowing(Refusal... refusals) {
        return new ProblemWriter(json, Stream.concat(known.stream(), Arrays.stream(refusals)).toList());
    }

    public void write(HttpServletResponse response, String code, String detail) throws IOException {
        write(response, code, detail, Map.of());
    }

    public void write(HttpServletResponse response, String code, String detail, Map<String, Object> extra)
            throws IOException {
        var refusal = known.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no refusal has the code " + code));
        write(response, refusal, detail, extra);
    }

    public void write(HttpServletResponse response, Refusal refusal, String detail) throws IOException {
        write(response, refusal, detail, Map.of());
    }

    public void write(HttpServletResponse response, Refusal refusal, String detail, Map<String, Object> extra)
            throws IOException {
        var problem = Problems.refused(refusal, detail, extra);
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(json.writeValueAsString(problem.getBody()));
    }
}
