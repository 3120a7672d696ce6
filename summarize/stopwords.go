package summarize

import "strings"

// stopWordLists are the Snowball project's stop-word lists, lightly trimmed,
// one space-separated string a language. They are constants so that the
// package keeps no mutable state.
var stopWordLists = map[string]string{
	"en": `a about above after again against all am an and any are aren as at be because been before being below
between both but by can cannot could couldn did didn do does doesn doing don down during each few for from further
had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it its itself
let me more most mustn my myself no nor not of off on once only or other ought our ours ourselves out over own
same shan she should shouldn so some such than that the their theirs them themselves then there these they this
those through to too under until up very was wasn we were weren what when where which while who whom why will with
won would wouldn you your yours yourself yourselves also said says just like get got one two s t ll re ve d m n
would may might must shall us mr mrs ms`,
	"de": `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern
anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das dass daß derselbe derselben denselben
desselben demselben dieselbe dieselben dasselbe dazu dein deine deinem deinen deiner deines denn derer dessen dich dir
du dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines einig einige einigem einigen
einiger einiges einmal er ihn ihm es etwas euer eure eurem euren eurer eures für gegen gewesen hab habe haben hat
hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins ist jede jedem jeden
jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines können könnte machen man
manche manchem manchen mancher manches mein meine meinem meinen meiner meines mit muss musste nach nicht nichts noch
nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen
solcher solches soll sollte sondern sonst über um und uns unsere unserem unseren unser unseres unter viel vom von vor
während war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will
wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen`,
	"fr": `au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même mes moi mon
ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l
à m n s t y été étée étées étés étant étante étants étantes suis es est sommes êtes sont serai seras sera serons serez
seront serais serait serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes furent sois soit
soyons soyez soient fusse fusses fût fussions fussiez fussent ayant ayante ayantes ayants eu eue eues eus ai as avons
avez ont aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait avions aviez avaient
eut eûmes eûtes eurent aie aies ait ayons ayez aient eusse eusses eût eussions eussiez eussent cette cet plus tout
tous toute toutes sans sous aussi comme dont où si ni`,
	"es": `de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque
esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros
ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos
cual poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros vosotras os mío mía
míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras vuestro vuestra vuestros
vuestras esos esas estoy estás está estamos estáis están esté estés estemos estéis estén estaba estaban estuvo
he has ha hemos habéis han haya había habían hubo soy eres es somos sois son sea sean era eran fue fueron sido ser
tengo tiene tenemos tienen tenía tuvo tener hace hacer dijo según`,
	"it": `ad al allo ai agli all agl alla alle con col coi da dal dallo dai dagli dall dagl dalla dalle di del dello
dei degli dell degl della delle in nel nello nei negli nell negl nella nelle su sul sullo sui sugli sull sugl sulla
sulle per tra contro io tu lui lei noi voi loro mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra
nostri nostre vostro vostra vostri vostre mi ti ci vi lo la li le gli ne il un uno una ma ed se perché anche come
dov dove che chi cui non più quale quanto quanti quanta quante quello quelli quella quelle questo questi questa
queste si tutto tutti a c e i l o ho hai ha abbiamo avete hanno abbia avevo aveva avevano ebbe sono sei è siamo siete
sia era erano fu furono essere stato stata stati state fa fanno fare stesso già ancora dopo così tra fra`,
	"pt": `de a o que e do da em um para com não uma os no se na por mais as dos como mas ao ele das à seu sua ou quando
muito nos já eu também só pelo pela até isso ela entre depois sem mesmo aos seus quem nas me esse eles você essa num
nem suas meu às minha numa pelos elas qual nós lhe deles essas esses pelas este dele tu te vocês vos lhes meus minhas
teu tua teus tuas nosso nossa nossos nossas dela delas esta estes estas aquele aquela aqueles aquelas isto aquilo
estou está estamos estão estive esteve estivemos estiveram estava estávamos estavam era eram foi fomos foram seja
sejam ser sou é somos são há havia houve tenho tem temos têm tinha tinham teve tiveram ter disse segundo sobre`,
	"nl": `de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat
mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal
me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens
hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere volgens
jaar twee nieuwe wel onze`,
}

// stopWords holds each language's list as a set; it is filled once at start
// and only read afterwards.
var stopWords = buildStopWords()

func buildStopWords() map[string]map[string]struct{} {
	sets := make(map[string]map[string]struct{}, len(stopWordLists))
	for lang, list := range stopWordLists {
		words := strings.Fields(list)
		set := make(map[string]struct{}, len(words))
		for _, w := range words {
			set[w] = struct{}{}
		}
		sets[lang] = set
	}
	return sets
}
