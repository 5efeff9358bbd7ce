// SPDX-License-Identifier: GPL-2.0
/*
 * feature-report: print, from inside a running kernel, which features of the
 * virt-series patch queue it offers.  Run by 'make run' in the test guest.
 *
 * Each feature is probed the way a VMM or management tool would: a
 * KVM_CHECK_EXTENSION for new capabilities, a sysfs attribute or a device
 * node.  A capability whose number the uapi headers do not define is
 * reported as "not in uapi headers" (the patch is not in this series yet).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glob.h>
#include <linux/kvm.h>

#define NO_CAP (-1)

#ifdef KVM_CAP_MEM_PCI_HOLE
#define CAP_MEM_PCI_HOLE KVM_CAP_MEM_PCI_HOLE
#else
#define CAP_MEM_PCI_HOLE NO_CAP
#endif
#ifdef KVM_CAP_TSC_OFFSET
#define CAP_TSC_OFFSET KVM_CAP_TSC_OFFSET
#else
#define CAP_TSC_OFFSET NO_CAP
#endif
#ifdef KVM_CAP_INTROSPECTION
#define CAP_INTROSPECTION KVM_CAP_INTROSPECTION
#else
#define CAP_INTROSPECTION NO_CAP
#endif

enum kind { CAP, PATH, MDEV_VERSION, MDEV_ALIAS };

struct feature {
	const char *name;	/* what the user gets */
	const char *issue;	/* where it is tracked */
	enum kind kind;
	int cap;		/* CAP: capability number or NO_CAP */
	const char *what;	/* CAP: symbol name; PATH: glob pattern */
};

static const struct feature features[] = {
	{ "KVM_MEM_PCI_HOLE memslots", "issue 3", CAP, CAP_MEM_PCI_HOLE,
	  "KVM_CAP_MEM_PCI_HOLE" },
	{ "mdev type 'version' attribute", "issue 4", MDEV_VERSION, 0,
	  "/sys/class/mdev_bus/*/mdev_supported_types/*/version" },
	{ "mdev 'alias' attribute", "issue 4", MDEV_ALIAS, 0,
	  "/sys/bus/mdev/devices/*/alias" },
	{ "mdev type 'single_usage_restriction'", "issue 4", PATH, 0,
	  "/sys/class/mdev_bus/*/mdev_supported_types/*/single_usage_restriction" },
	{ "vhost RPMsg sample device", "issue 5", PATH, 0,
	  "/dev/vhost-rpmsg*" },
	{ "KVM_{GET,SET}_TSC_OFFSET", "issue 6", CAP, CAP_TSC_OFFSET,
	  "KVM_CAP_TSC_OFFSET" },
	{ "irqbypass KUnit suite", "issue 6", PATH, 0,
	  "/sys/kernel/debug/kunit/irqbypass*" },
	{ "KVM introspection (KVMI)", "issue 7", CAP, CAP_INTROSPECTION,
	  "KVM_CAP_INTROSPECTION" },
	/* Seed features already in 6.12 that the series relies on or tests. */
	{ "user-space MSR exits (6.12)", "base", CAP, KVM_CAP_X86_USER_SPACE_MSR,
	  "KVM_CAP_X86_USER_SPACE_MSR" },
	{ "MSR filtering (6.12)", "base", CAP, KVM_CAP_X86_MSR_FILTER,
	  "KVM_CAP_X86_MSR_FILTER" },
	{ "nested state save/restore (6.12)", "base", CAP, KVM_CAP_NESTED_STATE,
	  "KVM_CAP_NESTED_STATE" },
	{ "vCPU TSC offset attribute (6.12)", "base", CAP, KVM_CAP_VCPU_ATTRIBUTES,
	  "KVM_CAP_VCPU_ATTRIBUTES" },
	{ "vhost-vsock device (6.12)", "base", PATH, 0, "/dev/vhost-vsock" },
};

static void probe_cap(int kvm, const struct feature *f, char *buf, size_t len)
{
	int r;

	if (f->cap == NO_CAP) {
		snprintf(buf, len, "no: %s not in uapi headers", f->what);
		return;
	}
	if (kvm < 0) {
		snprintf(buf, len, "no: /dev/kvm unavailable");
		return;
	}
	r = ioctl(kvm, KVM_CHECK_EXTENSION, f->cap);
	if (r > 0)
		snprintf(buf, len, "yes: %s = %d", f->what, r);
	else if (r == 0)
		snprintf(buf, len, "no: %s not offered", f->what);
	else
		snprintf(buf, len, "no: KVM_CHECK_EXTENSION(%s): %s",
			 f->what, strerror(errno));
}

static void probe_path(const struct feature *f, char *buf, size_t len)
{
	glob_t g;

	if (glob(f->what, 0, NULL, &g) == 0) {
		snprintf(buf, len, "yes: %s%s", g.gl_pathv[0],
			 g.gl_pathc > 1 ? " ..." : "");
		globfree(&g);
	} else {
		snprintf(buf, len, "no: nothing at %s", f->what);
	}
}

/*
 * Show a version that can be read: types whose devices cannot migrate have
 * the attribute but answer with an error.
 */
static void probe_mdev_version(const struct feature *f, char *buf, size_t len)
{
	char version[300];
	size_t i;
	glob_t g;
	FILE *vf;

	if (glob(f->what, 0, NULL, &g)) {
		snprintf(buf, len, "no: nothing at %s", f->what);
		return;
	}
	snprintf(buf, len, "yes: %s (no type can migrate)", g.gl_pathv[0]);
	for (i = 0; i < g.gl_pathc; i++) {
		vf = fopen(g.gl_pathv[i], "r");
		if (!vf)
			continue;
		if (fgets(version, sizeof(version), vf)) {
			version[strcspn(version, "\n")] = 0;
			snprintf(buf, len, "yes: %.100s in %.120s", version,
				 g.gl_pathv[i]);
			fclose(vf);
			break;
		}
		fclose(vf);
	}
	globfree(&g);
}

/* Write a string to a sysfs file; 0 or -1 with errno set. */
static int write_file(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), ret = -1;

	if (fd < 0)
		return -1;
	if (write(fd, val, strlen(val)) == (ssize_t)strlen(val))
		ret = 0;
	close(fd);
	return ret;
}

#define MTTY_ALIAS_ATTR "/sys/devices/virtual/mtty/mtty/alias_parent"
#define MTTY_ALIAS_UUID "5f1e2d3c-4b5a-4697-8877-665544332211"

/*
 * An mdev has an alias only when its parent asked for one.  Without such
 * an mdev, have the mtty sample register its alias parent through the
 * alias_parent attribute of its parent device, create one mdev there, read
 * its alias and undo both.
 */
static void probe_mdev_alias(const struct feature *f, char *buf, size_t len)
{
	char alias[64] = "";
	FILE *af;

	probe_path(f, buf, len);
	if (!strncmp(buf, "yes", 3) || access(MTTY_ALIAS_ATTR, W_OK))
		return;
	if (write_file(MTTY_ALIAS_ATTR, "12")) {
		snprintf(buf, len, "no: mtty alias parent: %s", strerror(errno));
		return;
	}
	if (write_file("/sys/class/mdev_bus/mtty_alias/mdev_supported_types/mtty-1/create",
		       MTTY_ALIAS_UUID)) {
		snprintf(buf, len, "no: mdev on mtty_alias: %s", strerror(errno));
	} else {
		af = fopen("/sys/bus/mdev/devices/" MTTY_ALIAS_UUID "/alias", "r");
		if (af && fgets(alias, sizeof(alias), af))
			alias[strcspn(alias, "\n")] = 0;
		if (af)
			fclose(af);
		if (alias[0])
			snprintf(buf, len, "yes: alias %s of an mdev on mtty_alias",
				 alias);
		else
			snprintf(buf, len, "no: mdev on mtty_alias has no alias");
		write_file("/sys/bus/mdev/devices/" MTTY_ALIAS_UUID "/remove", "1");
	}
	write_file(MTTY_ALIAS_ATTR, "-1");
}

static void print_file(const char *label, const char *path)
{
	char buf[128] = "";
	FILE *f = fopen(path, "r");

	if (f) {
		if (fgets(buf, sizeof(buf), f))
			buf[strcspn(buf, "\n")] = 0;
		fclose(f);
	} else {
		snprintf(buf, sizeof(buf), "(%s)", strerror(errno));
	}
	printf("  %-28s %s\n", label, buf);
}

int main(void)
{
	char buf[256];
	unsigned int i, yes = 0;
	int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);

	printf("virt-series feature report\n");
	print_file("kernel", "/proc/sys/kernel/osrelease");
	print_file("kvm_amd.npt", "/sys/module/kvm_amd/parameters/npt");
	print_file("kvm_amd.nested", "/sys/module/kvm_amd/parameters/nested");
	printf("  %-28s %s\n", "/dev/kvm", kvm >= 0 ? "ok" : strerror(errno));
	if (kvm >= 0)
		printf("  %-28s %d\n", "KVM_GET_API_VERSION",
		       ioctl(kvm, KVM_GET_API_VERSION, 0));
	printf("\n  %-38s %-8s %s\n", "feature", "tracked", "offered");
	for (i = 0; i < sizeof(features) / sizeof(features[0]); i++) {
		const struct feature *f = &features[i];

		if (f->kind == CAP)
			probe_cap(kvm, f, buf, sizeof(buf));
		else if (f->kind == MDEV_VERSION)
			probe_mdev_version(f, buf, sizeof(buf));
		else if (f->kind == MDEV_ALIAS)
			probe_mdev_alias(f, buf, sizeof(buf));
		else
			probe_path(f, buf, sizeof(buf));
		yes += !strncmp(buf, "yes", 3);
		printf("  %-38s %-8s %s\n", f->name, f->issue, buf);
	}
	printf("\n%u of %u features offered by this kernel\n", yes, i);
	return 0;
}
