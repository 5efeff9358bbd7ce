# virt-series: build, boot and test the patch queue on Linux 6.12.
# 'make help' lists the targets; README.md explains the workflow.

SHELL := /bin/sh
S := scripts
TREE := build/linux
KOUT := build/kernel
T ?=

.PHONY: help deps base tree export config kernel headers selftests \
	bindeb-pkg checkpatch check run shell test bench fuzz kasan kcsan bisect \
	pin-base clean

help:
	@echo "make run        build and boot the patched kernel, print its feature report"
	@echo "make check      everything CI runs: tree, checkpatch, kernel, selftests, guest tests"
	@echo "make shell      boot the guest to an interactive shell (LEG=vmx: in Bochs)"
	@echo "make test T=x   rebuild what changed and run one listed test in the guest"
	@echo "  LEG=svm|vmx   (check, test) only the QEMU (AMD SVM) or the Bochs (Intel VMX) boots"
	@echo "make bench      run the benchmarks (not pass/fail) in the guest"
	@echo "make fuzz       run the fuzzers of the series' uAPI (tests/fuzz.list) in the guest"
	@echo "make kasan      build a KASAN kernel (build/kernel-kasan), run the series' tests and fuzzers on it"
	@echo "make kcsan      the same with a KCSAN kernel (build/kernel-kcsan); data races sorted by code"
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

fuzz: kernel selftests
	@$(S)/guest-run.sh fuzz $(if $(T),--only $(T))

# The series' own tests and fuzzers on a kernel built with
# configs/kasan.config or configs/kcsan.config.
sanitized = VIRT_SERIES_KOUT=$(CURDIR)/build/kernel-$(1) \
	EXTRA_CONFIGS=configs/$(1).config $(S)/config.sh && \
	VIRT_SERIES_KOUT=$(CURDIR)/build/kernel-$(1) $(S)/kmake.sh -s bzImage && \
	VIRT_SERIES_KOUT=$(CURDIR)/build/kernel-$(1) $(S)/guest-run.sh $(1) \
	$(if $(T),--only $(T))
kasan: selftests
	@$(call sanitized,kasan)
kcsan: selftests
	@$(call sanitized,kcsan)

bisect: config
	@$(S)/bisect-build.sh

pin-base:
	@$(S)/pin-base.sh $(VERSION)

clean:
	rm -rf build
