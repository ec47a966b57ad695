package synth

// The building blocks of the synthetic text and names. The terms are the dossier's real
// subjects, so that searches for them find what they would in a real dossier.

var (
	latinSyllables    = []string{"ka", "to", "ri", "na", "mo", "su", "le", "vi", "dan", "por", "est", "gu", "shi", "ra", "en", "ol", "tra", "men", "co", "lis"}
	cyrillicSyllables = []string{"ка", "то", "ри", "на", "мо", "су", "ле", "ви", "дан", "пор", "ест", "гу", "ши", "ра", "ен", "ол", "тра", "мен", "ко", "лис"}
	japaneseSyllables = []string{"交", "渉", "条", "約", "会", "談", "協", "議", "外", "務", "省", "経", "済", "領", "土", "問", "題", "声", "明", "合", "意", "首", "脳", "漁", "業"}

	latinTerms    = []string{"peace treaty", "fisheries", "Sakhalin", "Vladivostok", "joint economic activity", "visa-free exchanges", "consultations", "sanctions", "energy cooperation"}
	cyrillicTerms = []string{"Южные Курилы", "переговоры", "мирный договор", "Сахалин", "рыболовство", "совместная деятельность"}
	japaneseTerms = []string{"北方領土", "平和条約", "共同経済活動", "漁業", "ビザなし交流", "首脳会談"}
)

type city struct{ name, country, zone string }

var cities = []city{
	{"Tokyo", "Japan", "Asia/Tokyo"}, {"Moscow", "Russia", "Europe/Moscow"},
	{"Vladivostok", "Russia", "Asia/Vladivostok"}, {"Sochi", "Russia", "Europe/Moscow"},
	{"Yuzhno-Sakhalinsk", "Russia", "Asia/Sakhalin"}, {"New York", "United States", "America/New_York"},
	{"Geneva", "Switzerland", "Europe/Zurich"}, {"Beijing", "China", "Asia/Shanghai"},
	{"Seoul", "South Korea", "Asia/Seoul"}, {"Vienna", "Austria", "Europe/Vienna"},
}

var (
	countries     = []string{"Japan", "Russia", "China", "South Korea", "United States", "Mongolia", "Kazakhstan", "Norway"}
	trackSubjects = []string{"peace treaty consultations", "strategic dialogue", "fisheries talks", "economic commission", "security consultations", "border commission"}
	titles        = []string{"Deputy Minister", "Director-General", "Ambassador", "Senior Deputy Minister", "Counsellor", "Minister"}
	publishers    = []string{"Kyodo", "TASS", "Interfax", "NHK", "Asahi Shimbun", "Kommersant", "Ministry of Foreign Affairs"}
	reliabilities = []string{"official", "newspaper", "agency report", "hearsay"}
)

type name struct{ latin, native string }

var (
	russianFirst  = []name{{"Igor", "Игорь"}, {"Sergei", "Сергей"}, {"Maria", "Мария"}, {"Yuri", "Юрий"}, {"Olga", "Ольга"}, {"Dmitri", "Дмитрий"}, {"Anna", "Анна"}, {"Mikhail", "Михаил"}}
	russianLast   = []name{{"Morgulov", "Моргулов"}, {"Lavrov", "Лавров"}, {"Galuzin", "Галузин"}, {"Zakharova", "Захарова"}, {"Ushakov", "Ушаков"}, {"Naryshkin", "Нарышкин"}, {"Orlova", "Орлова"}, {"Petrov", "Петров"}}
	japaneseFirst = []name{{"Chikahito", "親仁"}, {"Shinzo", "晋三"}, {"Fumio", "文雄"}, {"Yoko", "陽子"}, {"Taro", "太郎"}, {"Keiko", "恵子"}, {"Hiroshi", "博"}, {"Akiko", "明子"}}
	japaneseLast  = []name{{"Harada", "原田"}, {"Abe", "安倍"}, {"Kishida", "岸田"}, {"Kamikawa", "上川"}, {"Kono", "河野"}, {"Suzuki", "鈴木"}, {"Tanaka", "田中"}, {"Yamada", "山田"}}
	latinFirst    = []string{"Anne", "John", "Marie", "Lars", "Elena", "David", "Sofia", "Peter"}
	latinLast     = []string{"Smith", "Berg", "Dubois", "Hansen", "Rossi", "Novak", "Keller", "Young"}
)
