#!/bin/sh
# Regenerates the built-in copy of templates/board_pack.yml (BoardPackTests checks they are equal).
set -eu
cd "$(dirname "$0")/.."
out=Sources/ARReport/BoardPack/BoardPackLayout+Default.swift
{
    printf '// A copy of templates/board_pack.yml, used when no templates folder is found (a test keeps them equal).\n\n'
    printf 'extension BoardPackLayout {\n    /// The project'"'"'s default layout, built into the binary.\n    public static let defaultText = ####"""\n'
    cat templates/board_pack.yml
    printf '"""####\n}\n'
} > "$out"
echo "wrote $out"
