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
        var ids = java.util.List.copyOf(BasicTest.OPTIONS.keySet());

        assertThat(Arrays.stream(BasicTestPage.Answers.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(ids);
        assertThat(new BasicTestPage.Answers(null, null, null, null, null).given()).containsOnlyKeys(ids);
    }

    @Test
    @DisplayName("R-14 every question and option has its words in both languages, and the key names a real option")
    void wordsInBothLanguages() {
        var messages = new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var test = new BasicTest(null, null, messages, new org.prakerja.common.ProgramRules("SEMI_BANSOS_2022",
                java.util.List.of(7, 3, 1), true, 2, 60, java.time.Duration.ofMinutes(15), 5, java.time.Duration.ofHours(12)));
        for (var language : new java.util.Locale[] {java.util.Locale.forLanguageTag("id"), java.util.Locale.ENGLISH}) {
            var questions = test.questions(language);
            assertThat(questions).hasSize(5);
            questions.forEach(q -> {
                assertThat(q.text()).as(q.id()).isNotBlank().doesNotStartWith("basic-test.");
                assertThat(q.options()).extracting(BasicTest.Option::text).doesNotContainNull().allMatch(t -> !t.isBlank());
                assertThat(q.options()).extracting(BasicTest.Option::id).contains(BasicTest.KEY.get(q.id()));
            });
        }
        assertThat(test.questions(java.util.Locale.ENGLISH).get(1).text()).contains("diligent");
        assertThat(test.questions(java.util.Locale.forLanguageTag("id")).get(1).text()).contains("tekun");
    }
}
