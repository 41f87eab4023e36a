package org.ishenim.clients;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up people with Kyrgyz and Russian names, for the demo and for tests. Every name is drawn at random
 * from common first names and surnames; no row describes a real person.
 */
final class SyntheticPeople {

    private static final List<String> MALE_KY = List.of("Айбек", "Бакыт", "Нурлан", "Азамат", "Эрлан", "Улан", "Тимур",
            "Жыргалбек", "Медер", "Чынгыз", "Эмил", "Бекзат", "Нурбек", "Адилет", "Үмүт", "Өмүрбек", "Талант", "Руслан");
    private static final List<String> FEMALE_KY = List.of("Айгүл", "Жаңыл", "Гүлнара", "Айпери", "Нургүл", "Бермет",
            "Чолпон", "Асель", "Динара", "Жылдыз", "Мээрим", "Айжан", "Нуриза", "Өмүркан", "Күндуз");
    private static final List<String> MALE_RU = List.of("Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Игорь",
            "Владимир", "Николай", "Евгений", "Максим", "Юрий", "Олег");
    private static final List<String> FEMALE_RU = List.of("Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана",
            "Юлия", "Анна", "Екатерина", "Мария");
    private static final List<String> SURNAME_KY = List.of("Асанов", "Токтогулов", "Абдыкадыров", "Жээнбеков", "Осмонов",
            "Сыдыков", "Бейшеналиев", "Мамбетов", "Турдубаев", "Орозбеков", "Кадыров", "Үсөнов", "Өмүралиев", "Саматов");
    private static final List<String> SURNAME_RU = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев",
            "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков");
    private static final List<String> ALIASES = List.of("Сокол", "Бүркүт", "Север", "Тоо", "Көл", "Ветер", "Ак-Суу",
            "Луна", "Жылдыз", "Барс", "Ала-Тоо", "Звезда", "Самал", "Нарын", "Гроза", "Талас", "Күн", "Тянь-Шань");

    private final Random random;

    SyntheticPeople(long seed) {
        this.random = new Random(seed);
    }

    EnrolRequest next(int n) {
        boolean male = random.nextInt(100) < 80;
        boolean kyrgyz = random.nextInt(100) < 65;
        String given = pick(male ? (kyrgyz ? MALE_KY : MALE_RU) : (kyrgyz ? FEMALE_KY : FEMALE_RU));
        String surname = pick(kyrgyz ? SURNAME_KY : SURNAME_RU) + (male ? "" : "а");
        String mother = pick(kyrgyz ? FEMALE_KY : FEMALE_RU);
        String father = pick(kyrgyz ? MALE_KY : MALE_RU);
        int year = 1965 + random.nextInt(40);
        LocalDate dob = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean identity = random.nextInt(100) < 70;
        Set<Purpose> consents = EnumSet.of(Purpose.TREATMENT);
        if (random.nextInt(100) < 75) {
            consents.add(Purpose.DUPLICATE_CHECK);
        }
        if (random.nextInt(100) < 85) {
            consents.add(Purpose.STATISTICS);
        }
        if (identity && random.nextInt(100) < 50) {
            consents.add(Purpose.CONTACT);
        }
        String phone = identity ? String.format("+996 7%02d %03d %03d", random.nextInt(100), random.nextInt(1000),
                random.nextInt(1000)) : null;
        return new EnrolRequest(male ? "M" : "F", year, mother, father, pick(ALIASES) + "-" + n,
                identity ? given : null, identity ? surname : null, identity ? dob : null, phone, identity, consents);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
