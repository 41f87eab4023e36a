package org.ishenim.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ishenim.linkage.normalise.DateParts;
import org.ishenim.linkage.schema.RejectedValue;
import org.junit.jupiter.api.Test;

class DatePartsTest {

    @Test
    void swappedDayAndMonthAgreeOnLowAndHigh() {
        assertThat(DateParts.dayMonthLow("1986-10-01")).isEqualTo(DateParts.dayMonthLow("1986-01-10")).isEqualTo("01");
        assertThat(DateParts.dayMonthHigh("1986-10-01")).isEqualTo(DateParts.dayMonthHigh("1986-01-10")).isEqualTo("10");
    }

    @Test
    void datesOneDayApartShareExactlyOneTwoDayPeriod() {
        for (String[] pair : new String[][] {{"1980-01-21", "1980-01-22"}, {"1980-01-22", "1980-01-23"},
                {"1999-12-31", "2000-01-01"}, {"2004-02-28", "2004-02-29"}, {"1965-03-01", "1965-02-28"}}) {
            int shared = shared(pair[0], pair[1]);
            assertThat(shared).as("%s and %s", pair[0], pair[1]).isEqualTo(1);
        }
    }

    @Test
    void datesTwoOrMoreDaysApartShareNoTwoDayPeriod() {
        assertThat(shared("1980-01-21", "1980-01-23")).isZero();
        assertThat(shared("1980-01-21", "1980-02-21")).isZero();
        assertThat(shared("1980-01-21", "1981-01-21")).isZero();
        assertThat(shared("1980-01-21", "1980-01-21")).isEqualTo(2);
    }

    @Test
    void aDateValidOnlyWithDayAndMonthSwappedIsReadSwapped() {
        assertThat(DateParts.twoDayPeriod("1990-25-03", 0)).isEqualTo(DateParts.twoDayPeriod("1990-03-25", 0));
        assertThat(DateParts.twoDayPeriod("", 1)).isEmpty();
        assertThatThrownBy(() -> DateParts.twoDayPeriod("1990-31-31", 0)).isInstanceOf(RejectedValue.class);
    }

    private static int shared(String a, String b) {
        int n = 0;
        for (int offset = 0; offset < 2; offset++) {
            if (DateParts.twoDayPeriod(a, offset).equals(DateParts.twoDayPeriod(b, offset))) {
                n++;
            }
        }
        return n;
    }
}
