package org.parley.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.platform.InvalidInputException.FieldProblem;

/** The demographic questions' rules and the small-cell suppression of the breakdown, on cases worked out by hand. */
class DemographicsTest {

    @Test
    void aGroupTooSmallShowsNothing() {
        assertThat(Breakdown.suppress(new int[] {2, 1, 1}, 4)).containsExactly(null, null, null);
    }

    @Test
    void smallCountsAreHiddenAndALoneHiddenCountTakesTheSmallestOtherWithIt() {
        // group of 20: 10 | 3 | 0 | no answer 7. The 3 alone could be worked out as 20 − 10 − 0 − 7, so the
        // smallest other non-zero count (7) is hidden too; the zero stays.
        assertThat(Breakdown.suppress(new int[] {10, 3, 0, 7}, 20)).containsExactly(10, null, 0, null);
        // two small counts hide each other: only their sum (5) can be worked out
        assertThat(Breakdown.suppress(new int[] {10, 3, 2, 5}, 20)).containsExactly(10, null, null, 5);
        // nothing small: everything shown
        assertThat(Breakdown.suppress(new int[] {12, 0, 8}, 20)).containsExactly(12, 0, 8);
        // exactly five is shown
        assertThat(Breakdown.suppress(new int[] {5, 5}, 10)).containsExactly(5, 5);
    }

    @Test
    void questionsNeedTextAndTwoToTwelveDistinctAnswers() {
        assertThat(Demographics.check(List.of(new NewQuestion("Age", List.of("under 30", "30 or older"))))).isEmpty();
        assertThat(codes(Demographics.check(List.of(new NewQuestion(" ", List.of("a", "b")))))).containsExactly("consultations.error.questionTextRequired");
        assertThat(codes(Demographics.check(List.of(new NewQuestion("Age", List.of("only one")))))).containsExactly("consultations.error.optionCount");
        assertThat(codes(Demographics.check(List.of(new NewQuestion("Age", Collections.nCopies(13, "x")))))).containsExactly("consultations.error.optionCount");
        assertThat(codes(Demographics.check(List.of(new NewQuestion("Age", List.of("a", " a ")))))).containsExactly("consultations.error.optionTwice");
        assertThat(codes(Demographics.check(List.of(new NewQuestion("Age", Arrays.asList("a", null)))))).containsExactly("consultations.error.optionText");
        assertThat(codes(Demographics.check(Collections.nCopies(11, new NewQuestion("Q", List.of("a", "b"))))))
                .containsExactly("consultations.error.tooManyQuestions");
    }

    @Test
    void theOrganisersFormTakesOneQuestionPerLine() {
        assertThat(ConsultationForm.questions("Age | under 30 | 30–59 \n\n  Region|north|south|  ")).containsExactly(
                new NewQuestion("Age", List.of("under 30", "30–59")),
                new NewQuestion("Region", List.of("north", "south", "")));
        assertThat(ConsultationForm.questions(null)).isEmpty();
    }

    @Test
    void theNextStatementFavoursNewAndInformativeOnes() {
        // nobody has seen it: pass and agree rates (0+1)/(0+2) = 1/2, extremity 0:
        // importance = (1 − 1/2)·(1 + 0)·1/2 = 1/4; novelty 1 + 8·2⁰ = 9; (9/4)² = 5.0625
        assertThat(Consultations.priority(null)).isEqualTo(5.0625);
        // 6 agree, 2 disagree, 2 pass of 10 seen, extremity 0.5: pass rate 3/12, agree rate 7/12,
        // importance = 0.75·1.5·7/12 = 0.65625; novelty 1 + 8·2^(−2) = 3; (1.96875)² = 3.8759765625
        var seen = new Report.StatementFigures(1, 6, 2, 2, 10, 0, 0.5, List.of());
        assertThat(Consultations.priority(seen)).isEqualTo(3.8759765625);
        // the same rates seen by 100 people weigh far less than by 10
        var old = new Report.StatementFigures(2, 60, 20, 20, 100, 0, 0.5, List.of());
        assertThat(Consultations.priority(old)).isLessThan(Consultations.priority(seen) / 5);
        // a statement everybody passes on is not worth showing
        var passed = new Report.StatementFigures(3, 0, 0, 10, 10, 0, 0.5, List.of());
        assertThat(Consultations.priority(passed)).isLessThan(Consultations.priority(seen) / 50);
    }

    private static List<String> codes(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::code).toList();
    }
}
