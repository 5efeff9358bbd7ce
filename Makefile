# virt-series: build, boot and test the patch queue on Linux 6.12.
# 'make help' lists the targets; README.md explains the workflow.

SHELL := /bin/sh
S := scripts
TREE := build/linux
KOUT := build/kernel
T ?=

.PHONY: help deps base tree export config kernel headers selftests \
	bindeb-pkg checkpatch check run shell test bench kasan bisect pin-base clean

help:
	@echo "make run        build and boot the patched kernel, print its feature report"
	@echo "make check      everything CI runs: tree, checkpatch, kernel, selftests, guest tests"
	@echo "make shell      boot the guest to an interactive shell"
	@echo "make test T=x   rebuild what changed and run one listed test in the guest"
	@echo "make bench      run the benchmarks (not pass/fail) in the guest"
	@echo "make kasan      build a KASAN kernel (build/kernel-kasan), run the series' tests on it"
	@echo "make bisect     build every patch of the series on its own (kernel, headers, selftests)"
	@echo "make tree       base + patches/ as a git tree in $(TREE)"
	@echo "make export     write the commits of $(TREE) back to patches/"
	@echo "make kernel | headers | selftests | bindeb-pkg | checkpatch | deps"
	@echo "make pin-base VERSION=v   move the base to another linux-source-6.12 version"

deps:
	@$(S)/deps.sh

base: deps
	@$(S)/fetch-base.sh >/dev/null

tree: deps
	@$(S)/make-tree.sh

export:
	@$(S)/export.sh

# The tree is created on first use, but never re-made behind a developer's
# back: edits in $(TREE) are built as they are.
$(TREE)/.git:
	@$(S)/make-tree.sh

config: deps $(TREE)/.git
	@$(S)/config.sh

kernel: config
	@$(S)/kmake.sh -s bzImage
	@echo "--- kernel: $(KOUT)/arch/x86/boot/bzImage"

headers: config
	@$(S)/headers.sh

selftests: headers
	@$(S)/build-selftests.sh

bindeb-pkg: config
	@$(S)/kmake.sh -s bindeb-pkg
	@ls -1 build/*.deb

checkpatch: $(TREE)/.git
	@$(S)/checkpatch.sh

check:
	@$(S)/check.sh

run: kernel selftests
	@$(S)/guest-run.sh run

shell: kernel selftests
	@$(S)/guest-run.sh shell

test: kernel selftests
	@test -n "$(T)" || { echo "usage: make test T=<test name from tests/*.list>"; exit 2; }
	@$(S)/guest-run.sh test --only $(T)

bench: kernel selftests
	@$(S)/guest-run.sh bench $(if $(T),--only $(T))

# The series' own tests on a second kernel built with configs/kasan.config.
KASAN := VIRT_SERIES_KOUT=$(CURDIR)/build/kernel-kasan
kasan: selftests
	@$(KASAN) EXTRA_CONFIGS=configs/kasan.config $(S)/config.sh
	@$(KASAN) $(S)/kmake.sh -s bzImage
	@$(KASAN) $(S)/guest-run.sh kasan

bisect: config
	@$(S)/bisect-build.sh

pin-base:
	@$(S)/pin-base.sh $(VERSION)

clean:
	rm -rf build
