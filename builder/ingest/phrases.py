"""Boilerplate phrasings, stop words, credits, bylines and dates, as data tables.

The cleaner's code stays small; what a site's furniture *says*, in many wordings
and several languages, lives here so that adding a phrasing is a one-line change.
Every line is matched after `boilerplate.normalise_line` (case-folded, spaces
collapsed) and with surrounding punctuation stripped (see `boilerplate.bare`).
"""

from __future__ import annotations

import re


def _phrase_set(block: str) -> frozenset[str]:
    """One phrase per line of a block, ignoring blank lines."""
    return frozenset(line.strip() for line in block.splitlines() if line.strip())


# Whole lines that are navigation, sharing, ads or prompts, never article text.
BOILERPLATE_LINES = _phrase_set(
    """
    advertisement
    advertisements
    advert
    advertising
    ad
    ads
    sponsored
    sponsored content
    paid content
    promoted
    partner content
    story continues below advertisement
    article continues below advertisement
    ad feedback
    sponsor message
    supported by
    keep reading
    más información
    mehr zum thema
    plus d'information
    lire aussi
    leia também
    share
    share this
    share this article
    share this story
    share this post
    share on facebook
    share on twitter
    share via email
    share article
    share story
    share via
    sharing is caring
    shares
    tweet
    pin it
    email
    e-mail
    print
    reply
    comments
    comment
    leave a comment
    leave a reply
    post a comment
    post comment
    view comments
    show comments
    load comments
    no comments
    comments closed
    read more
    read next
    read full story
    read full article
    read the full story
    related
    related story
    related articles
    related stories
    related posts
    related content
    related news
    related topics
    related coverage
    more stories
    more news
    most popular
    most read
    most viewed
    most shared
    trending
    trending now
    popular
    top stories
    recommended
    recommended for you
    you may also like
    you might also like
    editor's picks
    don't miss
    further reading
    more coverage
    see also
    also read
    sign in
    sign up
    log in
    login
    logout
    log out
    sign out
    register
    subscribe
    subscribe now
    subscribers only
    join now
    my account
    account
    newsletter
    newsletters
    menu
    main menu
    search
    close
    toggle navigation
    home
    back to top
    back to gallery
    enlarge this image
    hide caption
    le puede interesar
    per approfondire
    einloggen
    mehr infos
    je m'abonne
    externer inhalt
    continua após a publicidade
    la suite après cette publicité
    weiterlesen nach der anzeige
    video player
    audio player
    audiobeitrag
    bildbeschreibung
    stay in the know
    we want to hear from you
    if your time is short
    select user consent
    a valid email address is required
    texto
    texte
    fotografia
    índice
    contents
    table of contents
    sommaire
    inhalt
    inhaltsverzeichnis
    toggle caption
    toggle more options
    view gallery
    add to playlist
    download
    republish
    republish this story
    support us
    bookmark
    learn more
    click the alert icon to follow topics
    open this photo in gallery
    see all
    view all
    show all
    see your latest updates
    link copied
    report
    skip to content
    skip to main content
    skip navigation
    next
    previous
    next post
    previous post
    next article
    previous article
    previous next
    continue reading
    continue reading below
    continue reading the main story
    follow us
    connect with us
    like us on facebook
    tags
    topics
    categories
    filed under
    posted in
    facebook
    twitter
    linkedin
    reddit
    pinterest
    whatsapp
    instagram
    youtube
    flipboard
    telegram
    tumblr
    snapchat
    tiktok
    mix
    pocket
    messenger
    rss
    rss feed
    google plus
    x
    copy
    copy link
    link copied
    print this page
    print this article
    print this story
    print article
    share it with friends
    share with friends
    email this
    enlarge image
    image
    photo
    video
    gallery
    view gallery
    play video
    watch live
    live tv
    loading
    like this
    like loading
    privacy policy
    privacy notice
    terms of use
    terms of service
    terms and conditions
    cookie policy
    cookie settings
    accept cookies
    contact us
    about us
    advertise with us
    site map
    sitemap
    all rights reserved
    english edition
    print edition
    breaking news
    werbung
    anzeige
    teilen
    drucken
    kommentare
    mehr zum thema
    weiterlesen
    lesen sie auch
    anmelden
    registrieren
    abonnieren
    impressum
    datenschutz
    startseite
    nach oben
    publicité
    partager
    imprimer
    commentaires
    lire aussi
    à lire aussi
    lire la suite
    voir aussi
    se connecter
    s'abonner
    abonnez-vous
    mentions légales
    accueil
    publicidad
    compartir
    comentarios
    leer más
    lee también
    te puede interesar
    noticias relacionadas
    iniciar sesión
    suscríbete
    pubblicità
    condividi
    stampa
    commenti
    leggi anche
    leggi di più
    accedi
    iscriviti
    lascia un commento
    nessun commento
    publicidade
    compartilhe
    compartilhar
    comentários
    leia mais
    leia também
    assine
    advertentie
    delen
    reacties
    lees meer
    lees ook
    inloggen
    iklan
    bagikan
    baca juga
    komentar
    cetak
    реклама
    поделиться
    комментарии
    читайте также
    подписаться
    annons
    annonse
    läs också
    läs mer
    prenumerera
    bekijk ook
    video afspelen
    اقرأ أيضاً
    اقرأ أيضا
    相关阅读
    相关新闻
    延伸阅读
    register now
    reklama
    reklam
    zobacz także
    czytaj także
    czytaj też
    ilgili haberler
    share this story
    partners
    view all partners
    republish this article
    """
)

# Phrasings that mark a short line as furniture wherever they occur in it.
# Applied only to lines of at most `boilerplate.PATTERN_MAX_WORDS` words.
BOILERPLATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"all rights reserved|tous droits réservés|alle rechte vorbehalten",
        r"todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados",
        r"alle rechten voorbehouden|все права защищены",
        r"^(©|\(c\)|copyright\b)",
        r"\bsign (in|up)\b.*\b(or|to|for|with)\b",
        r"\b(log|sign) in to\b",
        r"create (a|an|your) (free )?account",
        r"\bby (continuing|clicking|using this (site|website)|signing up|subscribing)\b",
        r"\b(privacy|cookie) (policy|notice|settings|preferences|statement)\b",
        r"\bterms (of|and) (use|service|conditions|sale)\b",
        r"\b(we|this (site|website)) uses? cookies\b|\baccept (all )?cookies\b",
        # subscribing as asked of the reader; `subscription` on a button or a menu (a story
        # about streaming says `a subscription to Amazon Music`, `people subscribe to …`)
        r"(?:^|[.!?]\s+)subscribe\b|\bsubscribe (now|today|to (our|my|us))\b",
        r"\b(activate|manage|renew|start|complete) your subscription\b",
        r"^(?:[^\s.!?]+\s+){0,3}subscriptions?(?:\s+[^\s.!?]+){0,3}$",
        r"\benter your e-?mail\b|^thanks for reading\b",
        r"\b(sign up|register) (for|to) (our|the|free)\b",
        r"\bnewsletters?\b",
        r"\bfollow (us|\w+) on\b",
        r"^(share|tweet|email|post) (this|on|via|to)\b",
        r"\bshar(e|ing)\b.{0,20}\b(buttons?|options|via|panel|bar|tools|menu)\b",
        r"\bshort url\b|url ?copied",
        r"\bcopy (this )?link\b|\byou are (signed|logged) in\b|^you are (here|at)\b|\bpermalink\b",
        r"\bclick (here|to)\b|^click for\b",
        r"\beuropean union experience\b",  # a US site's page for EU readers: `Welcome to …`
        r"^(see|watch|read) more\s*:|^also on \S+\.\w+|^more\s*:",
        r"^read (more|the full|next|also)\b|\bread more\b[:»›>]*$",
        r"^(most|more) (popular|read|viewed|shared|commented|from|on|in)\b",
        r"^\[?related( \w+)?\s*:",
        r"^related (articles?|stories|posts|content|coverage|topics|links)\b",
        r"\byou (may|might) (also )?(like|enjoy)\b",
        r"^recommended\b",
        r"^(tags?|topics?|labels?|filed under|categories|category|posted in|more on|keywords)\s*:",
        r"\bshare to (twitter|facebook|pinterest|linkedin)",  # Blogger's buttons, run together
        r"^(new,\s*)?\d+ (comments?|shares?|replies|views|reads)$|^\[ ?\d+ comments? ?\]$",
        r"^(image|photo|picture|slide) \d+ (of|/)\W*\d+$|^\d+\s*/\s*\d+$|^\d+ of \d+\W*$",
        r"\bthis (site|website) (uses|is protected)\b",
        r"\b(affiliate|referral) (links?|commission)\b",
        r"\bwhen you (buy|purchase) through\b",
        r"^continue reading\b|\bcontinue reading below\b",
        r"\bskip to (main )?content\b|\bback to top\b",
        r"\b(enable|requires?) javascript\b",
        r"\b(view|load|show|read|see) (all |more )?comments\b|\bcomments? (are|is) closed\b",
        r"\b(leave|post|add|write) a (comment|reply)\b",
        r"\bpowered by\b",
        r"\b(we|may|might|could) (may )?earn (a )?(small )?(affiliate )?commission\b",
        r"^(listen|watch)\s*:\s",  # a link to the audio or video of the story
        r"\bréservée? aux abonnés\b|\bil vous reste [\d.,]+\s*% de cet article\b",
        r"\bsur un (seul|autre) appareil\b|^comment ne plus voir ce message\b",
        r"\bget (all )?(the|our) (latest|week'?s|day'?s|best|top)\b.*\b(news|stories)\b",
        r"^[\w'’ &+-]{0,40} newsletter$",  # a newsletter's name as its box's heading
        r"\b(save|saved) my name\b|\bnotify me\b",
        r"\bunsubscribe at any time\b|^no spam\b",
        r"\bno,? thanks$|\b(successfully|succesfully) (subscribed|signed up)\b",
        r"\bthanks? (you )?for (subscribing|signing up|registering)\b",
        r"^stay (up to date|up-to-date|updated|connected|informed) (with|on)\b",
        r"\b(in|to) your inbox\b|\bwe('ll)? (send|email) you\b|\bevery (day|week) we send\b",
        r"\b(meet|hit|reach) your inbox\b|\(buy now\)$",
        r"\bis part of\b.*\b(media|publishing) (group|company)\b",
        r"\bshare (it |this )?(your|with)\b.*\b(friends?|thoughts)\b",
        r"^also\s*:\s*(see|read|watch)\b",
        r"\bsupport our journalism\b|^(please )?support independent journalism\b",
        r"\bdownload (the|our) app\b|\bget the app\b",
        r"^download (the|our) [\w'’ &.-]{1,40} apps?\b",  # `Download the WXTN News 6 app …`
        r"^listen to (this|the) (article|story)\b|^why you can trust\b",
        r"^(skip advertisement|social sharing|now playing|up next|email address)$",
        r"^have a (story idea|news tip|tip)\b|^share or comment on this article\b",
        r"^a version of this article appears in print\b",
        r"^in this article\s*:|^today'?s paper$|\ball products recommended by\b",
        r"^see\s*:\s*\S",  # ZDNet's `SEE: A winning strategy for cybersecurity (…)`
        # a link set into the text: `Also Read | …`, `Read: …`, `Läs också: …`
        r"^(also read|read also|read|see also|läs (också|mer)|lees ook|bekijk ook|"
        r"leia também|lee también)\s*[:|]\s*\S",
        r"^support (free-thinking|independent|quality) journalism\b",
        r"^(kindly |please )?share this (story|article|post)\s*:?$|^take us with you$",
        r"^\d+ with \d+ posters participating$|^please use \w+ browser for\b",
        r"^(zobacz|czytaj) (także|też)\s*:\s*\S",
        r"\bin the palm of your hand\b|\bapp\s*[➔→»›>]$",
        r"^check out [\w'’ .-]{1,30} on youtube\b|^you'?re reading [\w'’ .-]{1,30} [—–-] ",
        r"^get the (biggest|latest|best|top) [\w'’ -]{0,30}(stories|news)( by (e-?mail|email))?$",
        r"^recib[ií] en tu (e-?mail|correo)\b|^что думаешь\b",
        r"^get our free [\w'’ -]{1,40} (email|newsletter)\b",
        r"\bnyhetsbrev\b|\bnieuwsbrief\b|\bnewsletter\b.{0,20}\b(mejl|e-?mail)\b",
        r"^(techcrunch|[\w]+) event$|^republish our articles\b",
        r"^(produced|narrated|read) by .{0,60}\b(ai|artificial) (narration|voice)\b",
        r"^reporting from [A-Z]?[\w ,.'’-]{2,40}$|^share (the )?full article$",
        r"\byour (information|personal data) (is|will be) (being )?(handled|processed|used)\b",
        r"^get (a|our) free (daily |weekly )?(digest|newsletter|briefing)\b",
        r"^unlock\b.{0,40}\bfor free$",  # `Unlock the Editor’s Digest for free`
        r"^(related (story|article|coverage|content|video)|go deeper|more on this)\s*[|:]",
        r"^(published|updated|posted|last updated)\b.*\d",
        r"\bad choices\b|\bdo not sell my\b",
        r"\bstory continues\b|\barticle continues\b",
        r"^(photo|image|video|gallery)s?\s*:\s*$",
        r"^\d+\s*(-\s*)?min(ute)?s?\.?\s*(read|reading|lesezeit|de lecture|de lectura)$",
        r"^(reading|read) time\b|^(lesezeit|leestijd|tempo de leitura|tiempo de lectura|"
        r"temps de lecture|tempo di lettura|waktu baca)\b",
        r"\bexternal links?\b.*\bnew (window|tab)\b|\bopens? in a new (window|tab)\b",
        r"^\d+\s*(s|m|h|d|w|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago\b",
        r"^(rating|score|votes?|likes?|points?)\s*:?\s*[+-]?\d+|^\d+ (votes?|likes?|points?)$",
        r"\blesen sie (auch|mehr)\b|\bmehr zum thema\b|\bjetzt (abonnieren|anmelden)\b",
        r"\blire (aussi|également|la suite)\b|\babonnez-vous\b|\binscrivez-vous\b",
        r"^(lue (myös|lisää)|les også|læs også|läs mer)\b",
        # `Read moreIn Brittany, …`, `ExploreSinkhole closes …` (the link glued on), `Read in
        # Daily Maverick: “…”`
        r"^read more(?!over\b)\w|^explore(?!r|d\b|s\b)\w|^read in [\w ]{2,30}:",
        r"\byour browser does not support\b|^this audio is ai-generated\b|"
        r"^enjoy more audio and podcasts\b|^skip (next|previous) section\b|^explore more$",
        r"^this article appeared in the .{0,60}\bprint edition\b",
        # a link set into the text in brackets: `[Read more: Great Salt Lake hits …]`,
        # `(Lea también: Pico y placa en Bogotá: …)`
        r"^[\[(]\s*(read more|related|read also|also read|more|see also|lea también|"
        r"lee también|además|leia também|lire aussi|lesen sie auch|leggi anche)\s*:.*[\])]$",
        r"^síganos en\b|^más leídas\b|\bwiderrufliche einwilligung\b",
        r"^advertise with \w+\W*$|^don'?t miss out on the headlines from\b|^read related topics\b",
        r"^\(?catch all the\b.{0,60}\bnews\b|^readers like you\b|\bkeep paywalls away\b",
        r"^(for more\b.{0,40}, )?follow [\w .&'’-]{2,40} on (x|twitter|facebook|instagram|"
        r"whatsapp|telegram|threads|linkedin|google news)\W*$",
        r"\bsólo para (usuarios )?(registrados|suscriptores)\b",
        r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$",  # a line that is only the writer's e-mail
        r"^\d{1,2}:\d{2}(:\d{2})?$",  # a video's length, `1:42`
        r"^media playback is (not supported|unsupported)\b|^(show|hide) caption$|"
        r"^reuse this content$|^video recomendado$|^escucha (la noticia|este artículo)$|"
        r"^estimated (read|reading) time\b|"
        r"^this (article|story) is (more than|over) (a|an|\d+) (years?|months?) old\W*$|"
        r"^view image in fullscreen$|^video (loading|unavailable)$|^(tap|click) to play$|"
        r"^the video will auto-?play soon$|^play now$|^view larger image$",
        r"^(more news|mira|lee también|members can read also)\s*:\s*\S",
        r"^video:\s+\S|\blisten to our (latest )?podcasts?\b",
        r"\bdoes not necessarily (share|reflect) the (views|opinions)\b",
        r"^dear readers,?$|^help safeguard\b",
        r"\bsupport (it|us|local journalism) for (just|only|as little as)\b",
        # (not `… originally published by Futurism`: where a story comes from is the text's)
        r"^this (story|article) was (originally|first) published (on )?(\w+\.? )?\d",
        # appeals for money (`Would you join us to help keep our stories free for all?`)
        r"^would you (join us|consider (supporting|a contribution|making)|help us)\b|"
        r"\byour (contribution|donation|support) of (as little as )?\W?\d|\bmodest contribution\b",
        r"^support (us|[\w'’&-]+)$",  # `Support HuffPost`: the button
        r"^\|\s*(updated|published)\b",  # `| Updated: 11:34 a.m.`, the rest of a date line
        # share buttons that say what they do: `Enviar noticia por correo electrónico`
        r"^(enviar|envoyer|invia|inviare|versenden|verstuur|enviar notícia)\b.{0,20}"
        r"\b(por|par|per|via|als) (correo|e-?mail|courriel)\b",
        r"^\d+ minut[io] di lettura$|^ascolta l['’]articolo$|^originally published\b.*\d",
        r"^(do you like the content of this article|how does this make you feel)\?$",
        r"^submitting\W*$|^sorry, there seem to be some issues\b|^top news right now$",
        r"^for all the latest\b.{0,60}\bnews\b|^get (current|latest) updates on\b",
        r"^this is ai[- ]generated (summari[sz]ation|audio|text)\b",
        r"^headshot of\b|\be-?paper$|^powered by automated translation$",
        r"^(listen|read) in (english|arabic|french|spanish|german|chinese|urdu|hindi)$",
        r"\blee (también|más)\b|\bsuscríbete\b|\bte puede interesar\b",
        r"\bleggi (anche|di più)\b|\biscriviti\b|\bdevi essere connesso\b",
        r"\bleia (mais|também)\b|\binscreva-se\b|\bclique (aqui|na)\b",
        r"\blees (ook|meer)\b|\bschrijf je in\b",
        # share and comment buttons in other languages
        r"^(compartir en|partager sur|teilen (auf|per)|condividi su|partilhar no|"
        r"compartilh(ar|e) (no|na|em|por|via)|enviar por (e-?mail|correo)|"
        r"deel (op|via)|dela (på|via)|udostępnij (na|przez)|paylaş)\b",
        r"^(deel artikel|kopieer link|kopiera länk|kopiuj link|linki kopyala)\W*$",
        r"^(copiar enlace|copier le lien|link kopieren|copia link|copiar link)$",
        r"^(ir a los comentarios|voir les commentaires|zu den kommentaren|vai ai commenti)$",
        r"^weitere optionen zum teilen$|^zur merkliste hinzufügen$|^artikel zum hören\b",
        r"^(ajouter à vos sélections|écouter cet article|guardar|escuchar)$",
        # the buttons of a reading bar: listen, text size, save, give the article away
        r"^(ouvir o texto|escuchar (la )?noticia|(aumentar|diminuir|reducir) (a )?(fonte|letra)|"
        r"(increase|decrease) (font|text) size|text size|salvar artigos?|"
        r"presentear (este )?artigo|ver comentarios|gift (this )?article)$",
        r"^(você tem|you have) (acesso ilimitado|unlimited access)\b",
        # an audio player set into the article
        r"^duration\s*:?\s*\d|^listen to .{2,60}['’]s (report|interview|story) on\b",
        r"\bbaca juga\b",
    )
)

# The headings of a box set into the article (`Leggi anche`, then a link or two): the article
# may go on at length below one, as it rarely does below `Comments` (SECTION_BREAKS below).
INSET_HEADING = re.compile(
    r"^(also read|read also|see also|keep reading|related|related story|lesen sie auch|"
    r"mehr zum thema|mehr dazu|à lire aussi|lire aussi|sur le même sujet|leggi anche|leia também|"
    r"veja também|lees ook|baca juga|te puede interesar|más información|plus d'information|"
    r"läs också|bekijk ook|اقرأ أيضاً|اقرأ أيضا|相关阅读|相关新闻|延伸阅读|mirá también|"
    r"материалы по теме|zobacz także|czytaj (także|też)|ilgili haberler|further reading)$")
# The heading of a box of links to other stories (`Trending Stories`, `Most Read`): it often
# ends the article, but some sites set one between two of its paragraphs
# (text.resumed_story tells which).
LINK_BOX = re.compile(
    r"^(most (read|recent|popular|viewed|shared)|trending( now| stories| news)?|top stories|"
    r"editor'?s picks|recommended( for you| stories)?|you (may|might) (also )?like|"
    r"related (articles|stories|news|content)|more stories|read (this )?next|don'?t miss)\W*$")
# Headings that open what follows an article (comments, related links, footer):
# stronger evidence than a share button, since the article rarely goes on past them.
SECTION_BREAKS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^(top rated |latest |recent |reader |user )?comments?( \(\d+\))?$",
        r"^(\d+ )?(comments|responses|replies):?$|^\[ ?\d+ comments? ?\]$",
        r"^(leave|post|add|write) a (comment|reply)\b|^join the (conversation|discussion)\b",
        r"^(related|similar|more) (articles?|stor(y|ies)|posts|content|coverage|news|reads)\b",
        r"^(most|more) (popular|read|viewed|shared|commented)\b",
        r"^(more|latest) (from|in|on) \w+|^more \w+ news$",
        r"^(you (may|might) (also )?(like|enjoy)|recommended( for you| stories)?|"
        r"read (this )?next|trending( now| news| stories)?|top stories|editor'?s picks)\b",
        r"^about the author\b|^(share|sharing) (this|is caring)\b",
        r"^explore more on these topics$|^a message from\b.{1,40}:$",
        r"^(about|sobre|über|à propos de|acerca de|chi è|over)\s+[^\W\d_][\w .'’-]{1,40}$",
        r"^more\b.{0,30}\bstories$|^(more|other) (great|top|popular) \w+",
        r"^(want|get|like|for) more (stories|news|articles|of this)\b",
        r"^(©|\(c\)|copyright\b)|all rights reserved",
        r"^(lesen sie auch|mehr zum thema|à lire aussi|lire aussi|sur le même sujet|"
        r"noticias relacionadas|te puede interesar|leggi anche|articoli correlati|"
        r"leia também|veja também|lees ook|baca juga|berita terkait)\b",
        r"^(kommentare|commentaires|comentarios|commenti|comentários|reacties|komentar)$",
        r"^(related|keep reading|más información|plus d'information|mehr dazu)$",
        INSET_HEADING.pattern,
    )
)
# A link's own `Read more` under its headline, inside the article (`… study suggests` /
# `Read more`): both are the link.
READ_MORE = re.compile(r"^(read more|read the full story|continue reading|lire la suite|"
                       r"leer más|leia mais|weiterlesen|lees meer|baca selengkapnya)\W*$",
                       re.IGNORECASE)

# A list as a screen reader announces it (`list of 4 items`, `list 1 of 4`, `end of list`):
# furniture, but the list's own, not a sign that the article ended.
LIST_LABEL = re.compile(r"^(list (of \d+ items|\d+ of \d+)|end of list)$", re.IGNORECASE)

# Legal and consent wording, and appeals for money: furniture at any length (footers run long).
LEGAL_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"all rights reserved|tous droits réservés|alle rechte vorbehalten",
        r"\bconstitutes (your )?acceptance\b|\bby (continuing|using this (site|website))\b",
        r"\bmay not be (reproduced|republished|redistributed|copied)\b",
        r"\bprotected by copyright\b|\bwithout (the )?(prior )?written permission\b",
        r"\bwe use cookies\b|\buses cookies to\b|\bcookies? (policy|settings|preferences)\b",
        r"\b(registration on|use of) this (site|website)\b",
        r"\b(comment|commenting|community|discussion) (policy|guidelines|standards|rules)\b",
        r"\bplease be respectful\b|\bcomments? (are|is|will be) (moderated|reviewed)\b",
        r"\bby (registering|signing up|subscribing),? you\b|\byou (have read and )?agree to\b",
        r"\bthis (site|page) can.t be reached\b|\bmight be temporarily down\b",
        r"\bmay have moved permanently to a new web address\b|^err_[a-z_]+$",
        # health and finance sites' disclaimers, in their set wording (a story may well say
        # that a product "has not been evaluated by the FDA")
        r"\bstatements? (has|have) not been evaluated by the (food and drug administration|fda)",
        r"\b(is|are) (provided )?(for|intended for) (general )?(informational|information|"
        r"educational) purposes only\b",
        r"\bnot intended to diagnose\b|\b(is|are) not intended to "
        r"(provide|constitute|replace|be a substitute for) (\w+ )?(medical|legal|financial|"
        r"investment|professional) advice\b",
        r"\b(information|content|contents|material) (provided |published )?"
        r"on this (site|website)\b",
        r"^\W*results (may )?vary\b",
        r"\bdoes not constitute (financial|investment|legal|medical) advice\b",
        r"\bpurchase licensing rights\b",  # after a news agency's caption
        r"^privacy notice:\s*newsletters? may contain\b",
        r"\bis committed to publishing a diversity of letters\b",  # an opinion page's footer
        # a reader's appeal for money, set into the article or under it (`I hope you
        # appreciated this article. Before you move on, I wanted to ask if you would consider
        # supporting …`)
        r"\b(would|will) consider supporting\b|\byour support(, no matter how small,)? "
        r"makes\b|\bplease support us\b|\bby supporting [\w'’ .]{1,40}, you\b",
        r"\bsupport (our|\w+['’]s) (independent |explanatory |nonprofit |local )?journalism\b",
        r"\bfor as little as [$€£]\s?\d|^yes,? i['’]ll (give|support|contribute)\b",
        r"^help keep (articles|stories|journalism|\w+) like this free\b",
        r"\balready a (member|subscriber|supporter)\?|\bvantagens de ser assinante\b",
        r"\bhold the powerful to account\b.*\bsubscribe\b",
    )
)

def _wordset(text: str) -> frozenset[str]:
    """A table written as space-separated words."""
    return frozenset(text.split())


# A caption that says it is one ("Image caption …", "Caption: …", "Foto: …" is a credit).
CAPTION_LABEL = re.compile(r"^(?:image |photo )?caption\b|^legende\b|^légende\b", re.IGNORECASE)

# What a newspaper or wire service puts after the story: "(Reporting by …; editing by …)",
# "Keith Bradsher contributed reporting.", "Jane Roe is a reporter for NBC News."
END_NOTES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^\((additional )?(reporting|writing|editing) by\b.*\)$", re.IGNORECASE),
    re.compile(r"^(additional )?reporting by\b.*\b(editing|edited) by\b", re.IGNORECASE),
    re.compile(r"^[\w.'’ -]{3,80}\bcontributed (reporting|research|to this "
               r"(report|story|article))\b", re.IGNORECASE),
    # a name, capitalised: not "This is a journalist's job."
    re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} is an? ([\w-]+ ){0,3}(reporter|writer|"
               r"editor|correspondent|journalist|contributor|columnist|producer|"
               r"photographer|reviewer|critic|freelancer)s?(?![\w'’])"),
    # "Vega covers Colorado and the Mountain West for The Associated Press."
    re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (covers|writes about|reports on) "
               r"[^.]{3,120} for (the )?[A-Z][^.]*\.( (She|He|They) [^.]+\.){0,3}$"),
)

# A news dateline opening the first paragraph: "NEW YORK (Reuters) -", "PARIS, Nov 19 (AFP) —".
DATELINE = re.compile(
    r"^[A-ZÀ-Ý][A-ZÀ-Ý.'’ -]{1,40}(?:,\s*[A-Z][\w. ]{1,30})?\s*(?:\([\w .]{1,30}\))?\s*[—–-]\s"
)

# Stop words by language: their density tells running prose from lists of names.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _wordset(
        "a about after all also an and are as at be been but by can could did do for from "
        "had has have he her his i if in into is it its just more not of on one or our "
        "out said she so than that the their them then there they this to up was we were "
        "what when which who will with would you"
    ),
    "de": _wordset(
        "aber als am an auch auf aus bei bis das dass dem den der des die doch ein eine "
        "einem einen einer es für hat ich im in ist mit nach nicht noch nur oder sich sie "
        "sind so um und von vor war wie wir wird zu zum zur"
    ),
    "fr": _wordset(
        "au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur "
        "mais ne nous on ou par pas plus pour qu que qui sa se ses son sont sur un une"
    ),
    "es": _wordset(
        "al como con de del el en es esta este hay la las lo los más no para pero por que "
        "se ser sin son su sus un una y ya"
    ),
    "it": _wordset(
        "al alla che con da del della di e è gli ha il in la le lo nel non per più si "
        "sono su un una"
    ),
    "pt": _wordset(
        "ao aos as com da das de do dos e é em está mais mas na nas no nos não o os para "
        "pela pelo por que se seu sua um uma"
    ),
    "nl": _wordset(
        "aan als bij dat de die een en het in is met niet naar of om op te van voor was "
        "wordt zijn"
    ),
    "id": _wordset(
        "ada akan dan dari dengan di ini itu juga ke kita tidak untuk yang"
    ),
    "ru": _wordset(
        "в и на не что с по как это из за от для но к он она они его все так же"
    ),
}

# A photo credit line, or the credit tacked onto the end of a caption.
CREDIT_AGENCIES = (
    r"AP|AFP|Reuters|REUTERS|Associated Press|Getty(?: Images)?|GETTY(?: IMAGES)?|"
    r"Shutterstock|EPA(?:-EFE)?|"
    r"Bloomberg|"
    r"Alamy|iStock(?:photo)?|PA(?: Images| Wire)?|Xinhua|TASS|Sipa|Corbis|Unsplash|"
    r"NurPhoto|Anadolu|dpa|picture alliance|ANSA|Kyodo|Yonhap|"
    # (not those that sign off a story's last paragraph too: PTI, IANS, EFE)
    r"ANP|Belga|NTB|Ritzau Scanpix|Lehtikuva|Europa Press|"
    r"The Canadian Press|SOPA Images|ZUMA(?: Press| Wire)?|Imago|Keystone"
)
CREDIT_LINE = re.compile(
    r"^\(?\s*(?:(?:photo(?:graph)?|image|picture|foto|bild|credit|source|quelle|"
    r"crédit|fotografia|kuva|main image credit|фото)s?(?: credit)?\s*(?::|by|\.\.\.)|©|\(c\)\s"
    r"|image source\s*,"  # BBC: `Image source, Getty Images`
    r"|\((?-i:[A-Z])[\w.'’ -]{1,40}\s/\s[\w.'’ -]{2,40}\)$)",  # `(Gina Ferrazzi / LA Times)`
    re.IGNORECASE,
)
CREDIT_ANYWHERE = re.compile(
    rf"(?:^|[\s|/(])(?:{CREDIT_AGENCIES})(?:$|[\s|/),])"
)
# "… at Mariupol April 19, 2022. AP/Alexei Alexandrov": a short name with a slash,
# or "(Photo: …)", "Photo by …", "| Getty Images" at the end of a caption.
TRAILING_CREDIT = re.compile(
    # (`(AP Photo/Jane Doe)`, `(Express photo by X)`, `(Photo courtesy of Kitagawa Seiki)`)
    # (glued on too: Reach's `… on the Gower peninsula(Image: Google)`)
    rf"(?:(?:\s+|(?<=[^\W\d_]))(?P<bracketed>[(\[]\s*(?:(?:{CREDIT_AGENCIES}|(?-i:[A-Z])\w+)\s+)?"
    rf"(?:photo|image|picture|file|foto|bild|credit|source|pic|video)s?"
    rf"\s*(?:[:/]|\s(?:courtesy|by)\b)[^)\]]{{1,80}}[)\]]"
    # "[Wanjiru Kamau/Al Jazeera]": a photographer and an outlet, capitalised, in brackets
    rf"|[(\[](?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}})\s*/\s*"
    rf"(?-i:[A-Z])[\w.'’& -]{{1,50}}[)\]]"
    # "(ABC Central West: Lucy Ferris)": an outlet, then the photographer; "(foto Benvenuti)"
    rf"|\((?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}):"
    rf"\s*(?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{1,3}})\)"
    rf"|[(\[](?:foto|photo)\s+(?-i:[A-Z])[\w.'’ -]{{1,40}}[)\]]"
    # "[ DIRK SHADD | Times ]": a photographer and an outlet, apart by a bar, in brackets
    rf"|[(\[]\s*(?-i:[A-Z])[\w.'’ -]{{1,40}}?\s*\|\s*(?-i:[A-Z])[\w.'’& -]{{1,50}}?\s*[)\]]"
    # "(Supplied)", "(File)": where the picture came from, no name
    rf"|[(\[](?:supplied|handout|file|file photo|archive|archivo|archives|courtesy|cedida|"
    rf"cortesía|divulgação|reprodução)[)\]]"
    rf")\s*$)"
    # "….Credit...Maddie Kerr for The New York Times", "… on Tuesday.Credit: Tomer
    # Appelbaum" (Haaretz): the credit glued to the caption
    rf"|(?<=[.!?”\"’)])(?P<glued>(?-i:Credit)(?:\.\.\.|:)\s*(?-i:[A-Z])[^.]{{2,80}})\s*$"
    # "… el lunes en su primer día de clase. ANTONIO GARCÍA (EFE)": the photographer in
    # capitals, perhaps with the agency
    rf"|(?<=(?-i:[a-zß-ÿ])[.!?])\s+"
    rf"(?P<capsname>(?-i:[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ'’-]+){{1,3}})"
    rf"(?:\s*\([\w .-]{{2,30}}\))?)\s*$"
    # "… since 1961.Jessica Rinaldi/Globe Staff": a photographer and outlet, glued
    rf"|(?<=(?-i:[a-z0-9])[.!?])(?P<gluedslash>(?-i:[A-Z])[\w.'’-]+(?: (?-i:[A-Z])[\w.'’-]+){{1,3}}"
    rf"/[\w.'’ -]{{2,50}})\s*$"
    # "… since 2022 © Bram Kuipers/Bloomberg"
    rf"|\s+(?P<copyright>©\s*(?-i:[A-Z])[\w.'’ -]{{1,40}}(?:[/,]\s*[\w.'’ -]{{2,40}})?)\s*$"
    rf"|(?:(?<=[.!?”\"’)])\s+|\s+[|–—-]\s+)"
    rf"(?P<credit>(?:\(?(?:photo(?:graph)?|image|picture|credit|foto|bild|kuva)s?"
    # (an initial's stop: `M. Vedhan`)
    rf"(?: credit)?(?: by|:)\s*(?:[^.]|(?<=\b[A-Z])\.){{2,80}}\)?"
    # "… Hội An City. — VNS Photo Minh Khoa": an agency's photographer, after a dash
    rf"|(?-i:[A-Z]{{2,6}})\s+(?:photo|foto)\s+(?-i:[A-Z])[\w.'’ -]{{2,40}}"
    # "… on Jan. 6. | Kaori Shimizu": a photographer's name alone after a bar
    rf"|(?<=[.!?”\"’)] \| )(?P<barname>(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{1,3}}))"
    rf"|(?:©\s*)?(?:{CREDIT_AGENCIES})(?:\s*/\s*[\w.'’ -]{{2,50}})?"
    rf"|[\w.'’-]+(?: [\w.'’-]+){{0,3}}\s*/\s*[\w.'’ -]{{2,50}}"
    # "(Manu Fernandez/AP)": a photographer and an outlet, capitalised, in brackets
    rf"|\((?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}})\s*/\s*(?-i:[A-Z])[\w.'’& -]{{1,50}}\)"
    rf"))\s*$",
    re.IGNORECASE,
)

# A newspaper's name on a line of its own (`The Lakeshore Sentinel` over a syndicated story's
# writer): the outlet, never the headline.
OUTLET_NAME = re.compile(
    r"(?:The )?(?:[A-Z][\w.&'’-]*\s+){0,3}(?:[A-Z][\w.&'’]*-)?"  # (`Las Vegas Review-Journal`)
    r"(?:Times|Post|Sentinel|Herald|Tribune|Journal|"
    r"Gazette|Chronicle|Observer|Courier|Register|Examiner|Inquirer|Bulletin|Dispatch|"
    r"Record|Telegraph|Standard|Reporter|Monitor|Globe|Leader|Advocate|Democrat|Republican|"
    r"Free Press|Daily News|Star-Ledger|Star Tribune|Argus|Ledger|Statesman|Enquirer|"
    r"Press-Gazette|Picayune|Clarion-Ledger|Beacon|Sun-Times|Daily|News|Nieuws|Nachrichten|"
    r"Noticias|Nouvelles|Notizie|Online|Media)\W*")

# Byline openers ("By Jane Doe", "Von …", "Par …").
BYLINE = re.compile(
    r"^(?:(?:by|written by|words by|text by|story by|posted by|reported by|"
    r"von|par|por|di|door|oleh)"
    r"\s*:?"
    r"|(?:author|authors|byline|writer|reporter|автор|autor|auteur)\s*:)\s+"
    r"(?P<name>[^\d|•·,–—(/]{2,60}?)(?:\s*(?:[|•·,–—(/]|\s-\s|\d|$))",
    re.IGNORECASE,
)

# A label alone on its line, its value on the next (`Author:` / `The Water Coolest`,
# `Publish date:` / `Nov 18, 2019`): read as one line.
META_LABEL = re.compile(
    r"^(?:by|written by|text by|words by|texte par|authors?|byline|writer|reporter|"
    r"publish(?:ed)?(?: date| on)?|posted(?: on)?|date|"
    r"(?:last )?updated(?: on)?|modified)\s*:$",
    re.IGNORECASE,
)

# Lower-case words that may stand inside a person's name.
# The account a CMS publishes under when no one signs the article (`admin` on WordPress).
ACCOUNT_NAMES = frozenset(["admin", "administrator", "webmaster", "editor", "editors", "staff",
                           "web editor", "site editor", "root", "user", "guest", "author"])
NAME_PARTICLES = _wordset("de da del della di van von der den du la le bin al el y and & und et e")

# Corporate words to drop from a copyright holder to get the publication's name.
CORPORATE_SUFFIXES = re.compile(
    r"[,\s]+(?:company|co\.?|inc\.?|llc|l\.l\.c\.|ltd\.?|limited|corp\.?|corporation|"
    r"plc|gmbh|ag|s\.a\.|s\.l\.|sa|pvt\.?|pty\.?|private|group|holdings|media|communications|publishing|"
    r"enterprises|& company|&)\s*$",
    re.IGNORECASE,
)

# Month names (full and short) in the languages above, to their number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        # (and Polish, Czech, Turkish and Finnish, in the forms a date writes them)
        "january jan januar janvier enero gennaio janeiro januari januar января январь "
        "stycznia ledna ocak tammikuuta",
        "february feb februar février fevrier febrero febbraio fevereiro februari "
        "февраля февраль lutego února şubat helmikuuta",
        "march mar märz mars marzo março maart maret марта март marca března mart "
        "maaliskuuta",
        "april apr avril abril aprile апреля апрель kwietnia dubna nisan huhtikuuta",
        "may mai mayo maggio maio mei мая май maja května mayıs toukokuuta maj",
        "june jun juni juin junio giugno junho июня июнь czerwca června haziran "
        "kesäkuuta",
        "july jul juli juillet julio luglio julho июля июль lipca července temmuz "
        "heinäkuuta",
        "august aug août agosto augustus agustus августа август sierpnia srpna ağustos "
        "elokuuta augusti",
        "september sep sept septembre septiembre settembre setembro сентября сентябрь "
        "września září eylül syyskuuta",
        "october oct oktober octobre octubre ottobre outubro okt oktober октября октябрь "
        "października října ekim lokakuuta",
        "november nov novembre noviembre novembro нояб ноября ноябрь listopada listopadu "
        "kasım marraskuuta",
        "december dec dez dezember décembre decembre diciembre dicembre dezembro "
        "desember декабря декабрь grudnia prosince aralık joulukuuta",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number
