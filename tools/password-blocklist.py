#!/usr/bin/env python3
"""Generates src/main/resources/staff/password-blocklist.txt, the blocklist of PasswordRules.

Origin (no list is copied from elsewhere): the passwords that head every published frequency list of leaked
passwords (the well-known "top 100" of English- and Russian-speaking services), Russian and Kyrgyz words, names and
places as people type them (in Cyrillic and in the usual Latin transliterations), keyboard walks on the QWERTY and
ЙЦУКЕН layouts, and those bases with the suffixes people add (digits, years, '!'). PasswordRules also strips such
suffixes, undoes common l33t substitutions and maps ЙЦУКЕН to QWERTY before it looks a password up, so the list
holds bases; the generated variants catch the rest. Entries are lower case, NFKC, one per line, sorted.

Run: python3 tools/password-blocklist.py > src/main/resources/staff/password-blocklist.txt
"""
import unicodedata

COMMON = """
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football monkey
letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777
121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman
andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233 george
computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger
princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas
austin thunder taylor matrix mobilemail mom monitor monitoring montana moon moscow welcome welcome1 admin
administrator root toor guest user test test123 testing secret secret123 changeme default login passw0rd p@ssword
passwort motdepasse contrasena senha wachtwoord hello hello123 whatever qwerty123 qwe123 asdf1234 zaq12wsx
1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 1qazxsw2 qweasd qweasdzxc qweqwe asdasd zxczxc
123qweasd 123qweasdzxc ytrewq 987654 999999 888888 222222 333333 444444 101010 7654321 00000000 12341234
11223344 147258369 147258 159357 753951 852456 741852963 963852741 123654 123789 789456 456789 789456123
qwertyu asdfghjkl zxcvbnm qazwsxedc 1qaz2wsx3edc 1qaz 2wsx azerty qwertz dragon1 monkey1 letmein1 sunshine1
iloveyou1 princess1 football1 baseball1 superman1 batman1 master1 shadow1 killer1 hunter1 lovely loveme
fuckyou fuckoff 123abc abcd1234 abcdef abcdefg abcdefgh a1b2c3 a1b2c3d4 aa123456 q123456 z123456 xxx xxxx
xxxxxx access14 internet service server google yandex mail.ru mailru vkontakte odnoklassniki facebook
instagram telegram whatsapp samsung nokia iphone apple android windows microsoft linux ubuntu oracle mysql
postgres database system manager office company clinic hospital doctor nurse pharmacy medicine health
zaq12wsxcde3 zaq1xsw2cde3 1qaz2wsx3edc4rfv 1qaz2wsx3edc 1qazxsw23edc !qaz2wsx #edc4rfv q1w2e3r4t5y6
"""

RUSSIAN_LATIN = """
parol parolь privet privet123 lubov lyubov lubovь liubov solnce solnyshko solnishko kotenok kotik zaika zaichik
malysh malyshka lapochka kisa kiska rybka ribka zvezda angel angelina dorogaya lyubimaya lyubimiy lubimaya
natasha nastya nastena dasha masha sasha sashka dima dimka vova vovan misha mishka pasha petya kolya kostya
sergey sergei andrey andrei alexey aleksey alexander aleksandr vladimir vladislav maksim maxim dmitriy dmitry
ivan ivanov petrov sidorov smirnov kuznetsov popov marina svetlana sveta olga olya tatyana tanya irina ira
elena lena ekaterina katya katerina anna anya yulia yuliya julia oksana natalia natalya nadezhda nadya lyudmila
galina valentina tamara larisa alina kristina karina veronika viktoria viktoriya polina sofia sofiya
spartak zenit cska dinamo lokomotiv rubin torpedo rossiya russia moskva piter sankt-peterburg novosibirsk
kazan omsk samara ekaterinburg chelsea barcelona realmadrid manchester arsenal liverpool juventus
mama papa mamochka papochka semya druzhba drug podruga schaste schastie radost nadezhda vera mechta
sobaka koshka medved volk lisa tigr lev orel sokol chaika lastochka romashka vasilek
leto zima vesna osen sentyabr oktyabr noyabr dekabr yanvar fevral mart aprel iyun iyul avgust
krasavica krasotka umnica prinzessa princessa korol koroleva boss nachalnik vrach medsestra apteka
hochu znaesh nichego nikto nikogda vsegda ochenb horosho kakdela
"""

RUSSIAN_CYRILLIC = """
пароль привет любовь солнце солнышко котенок котик зайка зайчик малыш малышка лапочка киса рыбка звезда ангел
ангелина дорогая любимая любимый наташа настя настена даша маша саша сашка дима димка вова миша мишка паша петя
коля костя сергей андрей алексей александр владимир максим дмитрий иван иванов петров марина светлана света
ольга оля татьяна таня ирина ира елена лена екатерина катя анна аня юлия оксана наталья надежда людмила галина
спартак зенит цска динамо россия москва мама папа семья дружба счастье радость мечта собака кошка медведь волк
лето зима весна осень красавица красотка умница принцесса королева врач медсестра аптека больница здоровье
йцукен йцукенг йцукенгшщзхъ фывапролджэ ячсмитьбю фыва фывапр ячсмит
"""

KYRGYZ = """
bishkek kyrgyzstan kyrgyz kirgizstan kirgiziya kirgizia manas ala-too alatoo issyk-kul issykkul ysykkol osh naryn
talas batken jalal-abad jalalabad karakol tokmok kant kara-balta karabalta cholpon-ata cholponata chuy chui
salam salamatsyzby rahmat rakhmat jakshy jakshi kandaysyn kudai allah bismillah inshallah mashallah alhamdulillah
bakyt bakytbek aigul aigerim aizhan ainura asel assel cholpon bermet meerim aida aidana gulnara gulzat nazira
nurlan nurbek nursultan aibek azamat ulan talant ermek bolot kanat temir tilek timur emil erlan eldar almaz
adilet aktan asan uson usen kubanychbek kurmanbek sooronbay atambayev japarov sadyr kamchybek zhenish
zhyldyz jyldyz kairat beksultan bekzat baktygul chynara dinara elmira gulmira kanykei nargiza saltanat
umut umutbek daniyar dastan ruslan sultan akylbek marat nurjan aijamal mirlan
"""

KYRGYZ_CYRILLIC = """
бишкек кыргызстан кыргыз манас ала-тоо ысыккол ысык-көл ош нарын талас баткен жалал-абад каракол токмок
салам рахмат жакшы кудай бакыт айгүл айгерим айжан айнура асель чолпон бермет мээрим айда гүлнара нурлан
нурбек айбек азамат улан талант эрмек болот канат темир тилек тимур алмаз адилет жылдыз кайрат чынара
динара эльмира гүлмира канышай назира салтанат умут данияр дастан руслан султан марат мирлан
"""

ROWS = ["`1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./"]
CYR_ROWS = ["ё1234567890-=", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю."]

SUFFIXES = ["1", "12", "123", "1234", "!", "2024"]


def norm(word):
    return unicodedata.normalize("NFKC", word).lower()


def walks():
    found = set()
    for rows in (ROWS, CYR_ROWS):
        for row in rows:
            for start in range(len(row)):
                for length in range(4, len(row) - start + 1):
                    piece = row[start:start + length]
                    found.add(piece)
                    found.add(piece[::-1])
    # column walks: 1qaz2wsx3edc..., and the same with the rows interleaved (1q2w3e4r...)
    cols = ["1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.", "0p;/"]
    for start in range(len(cols)):
        for length in range(2, len(cols) - start + 1):
            found.add("".join(cols[start:start + length]))
            found.add("".join(c[:2] for c in cols[start:start + length]))
            found.add("".join(c[1::-1] for c in cols[start:start + length]))
            found.add("".join(c[:3] for c in cols[start:start + length]))
    for n in range(4, 11):
        digits = "1234567890"[:n]
        letters = "qwertyuiop"[:n]
        found.add("".join(d + l for d, l in zip(digits, letters)))
        found.add("".join(l + d for d, l in zip(digits, letters)))
        found.add(letters + digits)
        found.add(digits + letters)
        found.add("".join(d + l for d, l in zip(digits, "йцукенгшщз"[:n])))
    return found


def main():
    bases = set()
    for block in (COMMON, RUSSIAN_LATIN, RUSSIAN_CYRILLIC, KYRGYZ, KYRGYZ_CYRILLIC):
        bases.update(norm(w) for w in block.split())
    entries = set(bases) | walks()
    for base in list(bases):
        if base.isdigit():
            continue
        for suffix in SUFFIXES:
            entries.add(base + suffix)
    # dates people use: ddmmyyyy and yyyy for the years staff are likely born in
    for year in range(1960, 2011):
        entries.add(str(year))
    for word in ("iloveyou", "ilove", "loveyou", "ятебялюблю", "ятебялюблю", "menseni suyom", "menseni suuyom"):
        entries.add(norm(word).replace(" ", ""))
    for entry in sorted(entries):
        if 4 <= len(entry) <= 64:
            print(entry)


if __name__ == "__main__":
    main()
