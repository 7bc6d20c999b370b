{#- How many articles name each entity, for the popovers of article pages (gloss.js). A
    file of its own: an article added changes this, not every page naming its entities. -#}
window.GlossCounts = {{ counts | tojson }};
