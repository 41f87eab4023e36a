package org.ishenim.bench.cryptanalysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A synthetic clinic population typed in Cyrillic: Kyrgyz and Russian given and family names in their male and
 * female forms (-ов/-ова, -ев/-ева, -ин/-ина, -бек/-бекова, уулу/кызы), drawn with Zipf-like frequencies (the
 * k-th most common name of a list is 1/k as common as the first), birth years uniform over a span, 3 in 4
 * clients male as in OAT programmes. The name lists extend the demo's ({@code clients.SyntheticPeople}); no row
 * describes a real person.
 */
final class SyntheticPopulation {

    static final List<String> MALE_KY = List.of("Айбек", "Бакыт", "Нурлан", "Азамат", "Эрлан", "Улан", "Тимур",
            "Жыргалбек", "Медер", "Чынгыз", "Эмил", "Бекзат", "Нурбек", "Адилет", "Үмүт", "Өмүрбек", "Талант",
            "Руслан", "Бактыбек", "Эркин", "Мирлан", "Нурсултан", "Жоомарт", "Кубанычбек", "Асылбек", "Алмаз", "Марат",
            "Канат", "Дастан", "Элдияр", "Бекболот", "Алтынбек", "Мелис", "Айдар", "Темирлан", "Ильяс", "Эрмек",
            "Самат", "Уланбек", "Жаныбек", "Кайрат", "Сүйүнбай", "Токтосун", "Замир", "Курманбек", "Максат", "Нурдин",
            "Таалай", "Эсен", "Акылбек");
    static final List<String> FEMALE_KY = List.of("Айгүл", "Жаңыл", "Гүлнара", "Айпери", "Нургүл", "Бермет",
            "Чолпон", "Асель", "Динара", "Жылдыз", "Мээрим", "Айжан", "Нуриза", "Өмүркан", "Күндуз", "Айзада",
            "Айнура", "Гүлзат", "Назгүл", "Бүбүсара", "Акмөөр", "Жибек", "Салтанат", "Элнура", "Айсулуу", "Каныкей",
            "Толгонай", "Зарина", "Жазгүл", "Айдана", "Бактыгүл", "Асылкан", "Гүлмира", "Нургиза", "Чынара",
            "Эльвира", "Жаркын", "Айым", "Бурул", "Сезим", "Калыйкан", "Назира", "Рахат");
    static final List<String> MALE_RU = List.of("Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Игорь",
            "Владимир", "Николай", "Евгений", "Максим", "Юрий", "Олег", "Виктор", "Михаил", "Иван", "Павел", "Роман",
            "Артём", "Денис", "Антон", "Вячеслав", "Константин", "Виталий", "Геннадий", "Валерий", "Анатолий",
            "Борис", "Григорий", "Станислав", "Вадим", "Кирилл", "Илья", "Никита", "Георгий", "Леонид");
    static final List<String> FEMALE_RU = List.of("Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана",
            "Юлия", "Анна", "Екатерина", "Мария", "Марина", "Людмила", "Галина", "Валентина", "Надежда", "Оксана",
            "Виктория", "Алёна", "Ксения", "Евгения", "Дарья", "Анастасия", "Вера", "Лариса", "Любовь", "Жанна",
            "Кристина", "Тамара", "Полина", "Нина");
    /** Kyrgyz family names in the male form; the female form adds -а. */
    static final List<String> SURNAME_KY = List.of("Асанов", "Токтогулов", "Абдыкадыров", "Жээнбеков", "Осмонов",
            "Сыдыков", "Бейшеналиев", "Мамбетов", "Турдубаев", "Орозбеков", "Кадыров", "Үсөнов", "Өмүралиев",
            "Саматов", "Садыров", "Жумабаев", "Токтосунов", "Исаков", "Абдрахманов", "Алымбеков", "Бакиев", "Сариев",
            "Акаев", "Атамбаев", "Эсенов", "Калыков", "Молдобаев", "Чотонов", "Жолдошев", "Маматов", "Ташиев",
            "Шаршенов", "Касымов", "Токоев", "Бообеков", "Карабеков", "Майрамбеков", "Дуйшеналиев", "Аманов",
            "Байтемиров", "Муратбеков", "Сагынбаев", "Абдыкеримов", "Жапаров", "Ниязбеков", "Курманалиев",
            "Айтматов", "Орозалиев", "Султанов", "Кенжебеков", "Темиров", "Эргешов", "Мамытов", "Тентимишев",
            "Бакытбеков", "Кубатбеков", "Шамшиев", "Нурманбетов", "Сатыбалдиев", "Бекназаров");
    /** Family names that are a father's name ending in -бек: the male form as is, the female form with -ова. */
    static final List<String> SURNAME_BEK = List.of("Жумабек", "Асанбек", "Токтобек", "Осмонбек", "Калыбек",
            "Мамытбек", "Сапарбек", "Жолдошбек", "Турсунбек", "Абдыбек");
    static final List<String> SURNAME_RU = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
            "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов",
            "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров",
            "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кириллов",
            "Белов", "Тарасов", "Ильин", "Ткаченко", "Шевченко", "Ким");

    /** Share of Kyrgyz family names written as "father's name + уулу/кызы" and as "-бек/-бекова". */
    private static final double PATRONYMIC = 0.12;
    private static final double BEK = 0.08;

    private final Random random;
    private final Zipf maleKy;
    private final Zipf femaleKy;
    private final Zipf maleRu;
    private final Zipf femaleRu;
    private final Zipf surnameKy;
    private final Zipf surnameBek;
    private final Zipf surnameRu;
    private final Zipf fathers;

    private SyntheticPopulation(long seed) {
        this.random = new Random(seed);
        this.maleKy = new Zipf(MALE_KY);
        this.femaleKy = new Zipf(FEMALE_KY);
        this.maleRu = new Zipf(MALE_RU);
        this.femaleRu = new Zipf(FEMALE_RU);
        this.surnameKy = new Zipf(SURNAME_KY);
        this.surnameBek = new Zipf(SURNAME_BEK);
        this.surnameRu = new Zipf(SURNAME_RU);
        this.fathers = new Zipf(MALE_KY);
    }

    /** {@code clients} people with birth years spread evenly over {@code years} years from 1965. */
    static List<Person> generate(int clients, int years, long seed) {
        return new SyntheticPopulation(seed).people(clients, years);
    }

    private List<Person> people(int clients, int years) {
        List<Person> people = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            boolean male = random.nextInt(100) < 75;
            boolean kyrgyz = random.nextInt(100) < 70;
            String given = (male ? (kyrgyz ? maleKy : maleRu) : (kyrgyz ? femaleKy : femaleRu)).next();
            String surname = kyrgyz ? kyrgyzSurname(male) : russianSurname(male);
            int year = 1965 + i % years; // exactly even: at least clients / years per year
            LocalDate dob = LocalDate.of(year, 1, 1).plusDays(random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
            people.add(new Person(given, surname, dob, male ? "M" : "F"));
        }
        Collections.shuffle(people, random);
        return people;
    }

    private String kyrgyzSurname(boolean male) {
        double style = random.nextDouble();
        if (style < PATRONYMIC) {
            return fathers.next() + (male ? " уулу" : " кызы");
        }
        if (style < PATRONYMIC + BEK) {
            String bek = surnameBek.next();
            return male ? bek : bek + "ова";
        }
        return feminine(surnameKy.next(), male);
    }

    private String russianSurname(boolean male) {
        return feminine(surnameRu.next(), male);
    }

    private static String feminine(String surname, boolean male) {
        if (male) {
            return surname;
        }
        return surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ёв") || surname.endsWith("ин")
                ? surname + "а" : surname;
    }

    /** Draws from a list with Zipf weights 1/rank, in an order shuffled once per population. */
    private final class Zipf {

        private final List<String> names;
        private final double[] cumulative;

        Zipf(List<String> list) {
            List<String> shuffled = new ArrayList<>(list);
            Collections.shuffle(shuffled, random);
            this.names = shuffled;
            this.cumulative = new double[shuffled.size()];
            double sum = 0;
            for (int i = 0; i < shuffled.size(); i++) {
                sum += 1.0 / (i + 1);
                cumulative[i] = sum;
            }
        }

        String next() {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = java.util.Arrays.binarySearch(cumulative, u);
            return names.get(i >= 0 ? i : -i - 1);
        }
    }
}
