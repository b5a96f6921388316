package org.prakerja.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.BindParam;

class SurveyAnswersTest {

    @Test
    @DisplayName("R-73 the survey page's form takes an answer for every question, bound by the question's id")
    void oneRadioGroupPerQuestion() {
        var constructor = IncentivePages.SurveyAnswers.class.getDeclaredConstructors()[0];

        assertThat(Arrays.stream(constructor.getParameters()).map(p -> p.getAnnotation(BindParam.class).value()))
                .containsExactlyElementsOf(Surveys.QUESTIONS.keySet());
        assertThat(new IncentivePages.SurveyAnswers(null, null, null).byQuestion())
                .containsOnlyKeys(Surveys.QUESTIONS.keySet());
    }
}
