-- The Guidelines' recommendations in Russian and Kyrgyz next to the English text (optional; English is the fallback).
ALTER TABLE reform_recommendation ADD COLUMN text_ru TEXT;
ALTER TABLE reform_recommendation ADD COLUMN text_ky TEXT;
