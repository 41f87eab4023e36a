package org.ishenim.reform.sentences;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ishenim.reform.Country;
import org.ishenim.web.HubOnly;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The analysis of a country's sentences by year and by region. */
@Service
@HubOnly
public class SentenceFigures {

    /** Figures for one group of sentences (a year, a region, or all). Shares are between 0 and 1. */
    public record Figures(String label, int sentences, int notDiagnosed, int notExamined, double meanMonths,
            double medianMonths) {

        public double shareNotDiagnosed() {
            return sentences == 0 ? 0 : (double) notDiagnosed / sentences;
        }

        public double shareNotExamined() {
            return sentences == 0 ? 0 : (double) notExamined / sentences;
        }

        /** The share of sentences imposed without any dependence diagnosis: not diagnosed or not examined. */
        public double shareWithoutDiagnosis() {
            return sentences == 0 ? 0 : (double) (notDiagnosed + notExamined) / sentences;
        }
    }

    /** How often an article of the criminal code was used. */
    public record ArticleCount(String article, int sentences, double share) {
    }

    /**
     * The analysis: the trend over all years, and for the chosen year (all years when null) the figures by region
     * and the articles used.
     */
    public record Analysis(List<Integer> years, Integer year, Figures total, List<Figures> byYear,
            List<Figures> byRegion, List<ArticleCount> articles, boolean synthetic) {

        public boolean empty() {
            return total.sentences() == 0;
        }
    }

    private final Sentences sentences;

    SentenceFigures(Sentences sentences) {
        this.sentences = sentences;
    }

    @Transactional(readOnly = true)
    public Analysis analyse(Country country, Integer year) {
        return analyse(sentences.of(country), year);
    }

    /** The latest year with sentences, or null. */
    @Transactional(readOnly = true)
    public Integer latestYear(Country country) {
        List<Sentence> all = sentences.of(country);
        return all.isEmpty() ? null : all.get(all.size() - 1).year();
    }

    @Transactional(readOnly = true)
    public List<ImportRecord> imports(Country country) {
        return sentences.imports(country);
    }

    static Analysis analyse(List<Sentence> all, Integer year) {
        List<Integer> years = all.stream().map(Sentence::year).distinct().sorted().toList();
        List<Sentence> chosen = year == null ? all : all.stream().filter(s -> s.year() == year).toList();
        List<Figures> byYear = group(all, s -> Integer.toString(s.year()));
        List<Figures> byRegion = group(chosen, Sentence::region);
        Map<String, Long> articleCounts = chosen.stream()
                .collect(Collectors.groupingBy(Sentence::article, TreeMap::new, Collectors.counting()));
        List<ArticleCount> articles = articleCounts.entrySet().stream()
                .map(e -> new ArticleCount(e.getKey(), e.getValue().intValue(),
                        (double) e.getValue() / chosen.size()))
                .sorted(Comparator.comparingInt(ArticleCount::sentences).reversed()
                        .thenComparing(ArticleCount::article))
                .toList();
        boolean synthetic = chosen.stream().anyMatch(Sentence::synthetic);
        return new Analysis(years, year, figures(year == null ? "all" : Integer.toString(year), chosen), byYear,
                byRegion, articles, synthetic);
    }

    private static List<Figures> group(List<Sentence> list, Function<Sentence, String> key) {
        Map<String, List<Sentence>> groups = list.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        List<Figures> out = new ArrayList<>();
        groups.forEach((label, group) -> out.add(figures(label, group)));
        return out;
    }

    static Figures figures(String label, List<Sentence> group) {
        int n = group.size();
        int notDiagnosed = (int) group.stream().filter(s -> s.finding() == ExpertFinding.NOT_DIAGNOSED).count();
        int notExamined = (int) group.stream().filter(s -> s.finding() == ExpertFinding.NOT_EXAMINED).count();
        int[] months = group.stream().mapToInt(Sentence::treatmentMonths).sorted().toArray();
        double mean = n == 0 ? 0 : (double) java.util.Arrays.stream(months).sum() / n;
        double median = n == 0 ? 0 : n % 2 == 1 ? months[n / 2] : (months[n / 2 - 1] + months[n / 2]) / 2.0;
        return new Figures(label, n, notDiagnosed, notExamined, mean, median);
    }
}
