#!/usr/bin/env bash
# Regenerates the tray icons in resources/tray from vector shapes (ImageMagick 6 or 7).
# Colour icons (Windows, Linux): the app icon's blue tile with its people glyph; grey when offline; a red dot for
# unseen changes; an amber "!" badge when an account needs attention.
# macOS template icons (*Template.png): black shapes on transparency only, which macOS tints for light and dark
# menu bars; the offline state is the glyph at reduced opacity.
# Each is drawn at 512 px and scaled to 16 px (1x) and 32 px (@2x).
set -euo pipefail
cd "$(dirname "$0")/tray"
IM=$(command -v magick || command -v convert)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

BLUE='#2FC6F6'
GREY='#8C939D'
RED='#F0443A'
AMBER='#FFB020'

# The people glyph: two heads over a rounded body.
glyph_tile='circle 184,196 184,118 circle 328,196 328,118 roundrectangle 100,292 412,430 68,68'
glyph_full='circle 148,138 148,28 circle 364,138 364,28 roundrectangle 20,282 492,500 100,100'

tile() { # colour -> 512px tile with white glyph
  "$IM" -size 512x512 xc:none -fill "$1" -draw 'roundrectangle 0,0 511,511 112,112' \
    -fill white -draw "$glyph_tile" "$2"
}
template() { "$IM" -size 512x512 xc:none -fill black -draw "$glyph_full" "$1"; }
cut() { # image cx cy r -> punch a transparent circle (a gap around a badge)
  "$IM" "$1" \( -size 512x512 xc:none -fill black -draw "circle $2,$3 $2,$(($3 - $4))" \) \
    -compose DstOut -composite "$1"
}
dot() { "$IM" "$1" -fill "$5" -draw "circle $2,$3 $2,$(($3 - $4))" "$1"; }
bang() { # image colour -> "!" centred on the bottom-right badge
  "$IM" "$1" -fill "$2" -draw 'roundrectangle 376,300 424,420 20,20 circle 400,462 400,434' "$1"
}
bang_cut() { # a transparent "!" in a black badge (templates)
  "$IM" "$1" \( -size 512x512 xc:none -fill black \
    -draw 'roundrectangle 376,300 424,420 20,20 circle 400,462 400,434' \) -compose DstOut -composite "$1"
}
emit() { # 512px source -> name.png (16) and name@2x.png (32)
  "$IM" "$1" -filter Lanczos -resize 16x16 -strip "PNG32:$2.png"
  "$IM" "$1" -filter Lanczos -resize 32x32 -strip "PNG32:$2@2x.png"
}

tile "$BLUE" "$work/normal.png"; emit "$work/normal.png" tray-normal
tile "$GREY" "$work/offline.png"; emit "$work/offline.png" tray-offline
tile "$BLUE" "$work/unseen.png"; cut "$work/unseen.png" 400 112 150; dot "$work/unseen.png" 400 112 112 "$RED"
emit "$work/unseen.png" tray-unseen
tile "$BLUE" "$work/attention.png"; cut "$work/attention.png" 400 400 150
dot "$work/attention.png" 400 380 130 "$AMBER"; bang "$work/attention.png" '#1F1F1F'
emit "$work/attention.png" tray-attention

template "$work/t-normal.png"; emit "$work/t-normal.png" tray-normalTemplate
template "$work/t-offline.png"; "$IM" "$work/t-offline.png" -channel A -evaluate multiply 0.4 +channel "$work/t-offline.png"
emit "$work/t-offline.png" tray-offlineTemplate
template "$work/t-unseen.png"; cut "$work/t-unseen.png" 420 100 150; dot "$work/t-unseen.png" 420 100 100 black
emit "$work/t-unseen.png" tray-unseenTemplate
template "$work/t-attention.png"; cut "$work/t-attention.png" 400 380 160; dot "$work/t-attention.png" 400 380 130 black
bang_cut "$work/t-attention.png"; emit "$work/t-attention.png" tray-attentionTemplate
