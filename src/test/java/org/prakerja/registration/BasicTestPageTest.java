package org.prakerja.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BasicTestPageTest {

    @Test
    @DisplayName("R-14 the page's form takes an answer for every question of the basic test, by the question's id")
    void oneRadioGroupPerQuestion() {
        var ids = BasicTest.QUESTIONS.stream().map(BasicTest.Question::id).toList();

        assertThat(Arrays.stream(BasicTestPage.Answers.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(ids);
        assertThat(new BasicTestPage.Answers(null, null, null, null, null).given()).containsOnlyKeys(ids);
    }
}
