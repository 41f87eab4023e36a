package org.ishenim.reform.guidelines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.reform.TabularFile;
import org.ishenim.web.HubOnly;
import org.ishenim.web.InvalidFieldsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Guidelines' recommendations, with their Russian and Kyrgyz texts. The starter set ships in
 * {@code reform/guidelines.csv} and is loaded into an empty table; analysts edit the set from then on.
 */
@Service
@HubOnly
public class Recommendations {

    static final String STARTER_SET = "/reform/guidelines.csv";

    private final JdbcClient db;
    private final AuditLog audit;

    Recommendations(JdbcClient db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /**
     * Loads the starter set when there are no recommendations yet, and returns how many were loaded. On a hub that
     * has them already, only adds missing Russian and Kyrgyz texts to starter recommendations whose English text
     * the analysts left unchanged.
     */
    @Transactional
    public int loadStarterSetIfEmpty() {
        List<Recommendation> starter = starterSet();
        if (db.sql("SELECT COUNT(*) FROM reform_recommendation").query(Long.class).single() > 0) {
            for (Recommendation r : starter) {
                db.sql("""
                        UPDATE reform_recommendation SET text_ru = COALESCE(text_ru, :ru), text_ky = COALESCE(text_ky, :ky)
                        WHERE id = :id AND text = :text
                        """)
                        .param("ru", r.textRu()).param("ky", r.textKy()).param("id", r.id()).param("text", r.text())
                        .update();
            }
            return 0;
        }
        for (Recommendation r : starter) {
            insert(r);
        }
        return starter.size();
    }

    static List<Recommendation> starterSet() {
        try (InputStream in = Recommendations.class.getResourceAsStream(STARTER_SET)) {
            if (in == null) {
                throw new IllegalStateException("guidelines.csv missing from the class path");
            }
            TabularFile file = TabularFile.csv(in.readAllBytes());
            List<Recommendation> out = new ArrayList<>();
            for (TabularFile.Line line : file.lines().subList(1, file.lines().size())) {
                out.add(new Recommendation(line.cell(0), line.cell(1), line.cell(2), line.cell(3), line.cell(4),
                        out.size() + 1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TabularFile.Unreadable e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public List<Recommendation> recommendations() {
        return db.sql("SELECT * FROM reform_recommendation ORDER BY position, id")
                .query((rs, n) -> new Recommendation(rs.getString("id"), rs.getString("theme"), rs.getString("text"),
                        rs.getString("text_ru"), rs.getString("text_ky"), rs.getInt("position")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Recommendation> recommendation(String id) {
        return recommendations().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Adds a recommendation, or changes the theme and text of an existing one with the same id. */
    @Transactional
    public Recommendation saveRecommendation(String id, String theme, String text) {
        return saveRecommendation(id, theme, text, null, null);
    }

    /** As above, with the Russian and Kyrgyz texts (blank for none). */
    @Transactional
    public Recommendation saveRecommendation(String id, String theme, String text, String textRu, String textKy) {
        Recommendation r;
        try {
            int position = db.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM reform_recommendation")
                    .query(Integer.class).single();
            r = new Recommendation(id, theme, text, textRu, textKy, position);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException(Map.of(e.getMessage(), "invalid"));
        }
        int changed = db.sql("""
                UPDATE reform_recommendation SET theme = :theme, text = :text, text_ru = :ru, text_ky = :ky
                WHERE id = :id
                """)
                .param("theme", r.theme()).param("text", r.text()).param("ru", r.textRu()).param("ky", r.textKy())
                .param("id", r.id()).update();
        if (changed == 0) {
            insert(r);
        }
        audit.record(changed == 0 ? "reform.recommendation.add" : "reform.recommendation.edit", null, r.id(),
                Outcome.SUCCESS);
        return recommendation(r.id()).orElseThrow();
    }

    private void insert(Recommendation r) {
        db.sql("""
                INSERT INTO reform_recommendation (id, theme, text, text_ru, text_ky, position)
                VALUES (:id, :theme, :text, :ru, :ky, :position)
                """)
                .param("id", r.id()).param("theme", r.theme()).param("text", r.text()).param("ru", r.textRu())
                .param("ky", r.textKy()).param("position", r.position())
                .update();
    }
}
