#!/bin/sh
# Generate $KOUT/.config: allnoconfig + configs/base.config + every feature
# fragment (configs/*.config, in name order) + $EXTRA_CONFIGS, merged with
# the tree's merge_config.sh.  Then check that every requested CONFIG_
# value survived olddefconfig and name each one that did not.
set -eu
. "$(dirname "$0")/lib.sh"

[ -d "$TREE" ] || die "no tree at $TREE: run 'make tree' first"
mkdir -p "$KOUT"
frags="$TOP/configs/base.config"
for f in "$TOP"/configs/*.config; do
	[ "$f" = "$TOP/configs/base.config" ] && continue
	case "$(basename "$f")" in
	kasan.config | kcsan.config) continue ;; # opt-in, see EXTRA_CONFIGS
	esac
	frags="$frags $f"
done
for f in ${EXTRA_CONFIGS:-}; do
	case "$f" in /*) ;; *) f=$TOP/$f ;; esac
	[ -f "$f" ] || die "EXTRA_CONFIGS: no such fragment $f"
	frags="$frags $f"
done

# Only regenerate when an input or the .config itself changed (a hand edit
# is undone), so 'make kernel' stays incremental.
sum=$(cat $frags "$TREE/.git/virt-series-applied" 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ -f "$KOUT/.config" ] &&
	[ "$(cat "$KOUT/.config.inputs" 2>/dev/null)" = "$sum $(sha256sum <"$KOUT/.config")" ]; then
	exit 0
fi

cd "$TREE"
# shellcheck disable=SC2086
KCONFIG_CONFIG=$KOUT/.config ARCH=x86_64 \
	scripts/kconfig/merge_config.sh -m -n -O "$KOUT" $frags >"$KOUT/merge.log" 2>&1 ||
	{ cat "$KOUT/merge.log" >&2; die "merge_config.sh failed"; }
# -n above means allnoconfig as the starting point; resolve the rest.
make -s -C "$TREE" O="$KOUT" ARCH=x86_64 KCONFIG_ALLCONFIG="$KOUT/.config" allnoconfig >/dev/null
"$TOP/scripts/config-verify.py" "$KOUT/.config" $frags
echo "$sum $(sha256sum <"$KOUT/.config")" >"$KOUT/.config.inputs"
note "config ready ($(grep -c '=y' "$KOUT/.config") symbols =y)"
