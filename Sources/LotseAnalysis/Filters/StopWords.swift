/// Function words dropped from queries (they stay in the index so positions and snippets are exact).
/// Lists follow Snowball's, folded the way `CaseFolding` folds (ä → a, ß → ss).
public enum StopWords {
    public static func contains(_ folded: String, language: Language) -> Bool { words(of: language).contains(folded) }

    /// Whether some stop word of `language` starts with `prefix` (a word still being typed may become one).
    public static func hasStopWord(withPrefix prefix: String, language: Language) -> Bool {
        words(of: language).contains { $0.hasPrefix(prefix) }
    }

    public static func words(of language: Language) -> Set<String> {
        switch language {
        case .de: german
        case .en: english
        case .fr: french
        case .es: spanish
        }
    }

    static let german: Set<String> = Set("""
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm anders \
    auch auf aus bei bin bis bist da damit dann das dass dasselbe dazu dein deine deinem deinen deiner deines dem demselben \
    den denn denselben der derer derselbe derselben des desselben dessen dich die dies diese dieselbe dieselben diesem diesen \
    dieser dieses dir doch dort du durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal \
    er es etwas euch euer eure eurem euren eurer eures fur gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich \
    ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener \
    jenes jetzt kann kein keine keinem keinen keiner keines konnen konnte machen man manche manchem manchen mancher manches \
    mein meine meinem meinen meiner meines mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein \
    seine seinem seinen seiner seines selbst sich sie sind so solche solchem solchen solcher solches soll sollte sondern \
    sonst uber um und uns unsere unserem unseren unser unseres unter viel vom von vor wahrend war waren warst was weg weil \
    weiter welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte wurde \
    wurden zu zum zur zwar zwischen bitte danke hallo gerne leider mal schon ja nein sowie bzw usw ca etc
    """.split(separator: " ").map(String.init))

    static let english: Set<String> = Set("""
    a about above after again against all am an and any are as at be because been before being below between both but by \
    can could did do does doing down during each few for from further had has have having he her here hers herself him \
    himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other \
    our ours ourselves out over own same she should so some such than that the their theirs them themselves then there \
    these they this those through to too under until up very was we were what when where which while who whom why will \
    with would you your yours yourself yourselves please hello hi thanks thank
    """.split(separator: " ").map(String.init))

    static let french: Set<String> = Set("""
    au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me meme mes moi mon ne nos notre nous \
    on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y est sont \
    bonjour merci
    """.split(separator: " ").map(String.init))

    static let spanish: Set<String> = Set("""
    de la que el en y a los del se las por un para con no una su al lo como mas pero sus le ya o este si porque esta entre \
    cuando muy sin sobre tambien me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante \
    ellos e esto mi antes algunos que unos yo otro otras otra el tanto esa estos mucho quienes nada muchos cual poco ella \
    estar estas algunas algo nosotros hola gracias
    """.split(separator: " ").map(String.init))
}
