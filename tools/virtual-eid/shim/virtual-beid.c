/*
 * A PKCS#11 pass-through module in front of SoftHSM2 that makes it behave like a Belgian eID card
 * where SoftHSM does not: PIN lockout after 3 wrong PINs (CKR_PIN_LOCKED, token flags COUNT_LOW,
 * FINAL_TRY, LOCKED), simulated card removal and a simulated pinpad reader. For tests and demos only.
 *
 * Everything lives in the folder holding this module (DIR, found with dladdr):
 *   DIR/softhsm2.conf   SoftHSM configuration, set as SOFTHSM2_CONF while SoftHSM initialises
 *   DIR/libsofthsm2.so  private copy of SoftHSM (own state per virtual card, even in one process);
 *                       EHEALTH_SOFTHSM_MODULE overrides, /usr/lib/softhsm/libsofthsm2.so is the default
 *   DIR/pin-failures    wrong PINs since the last good one (survives across processes)
 *   DIR/removed         present: the card is out of the reader
 *   DIR/sign-delay-ms   present: C_Sign waits this long first, so a test can remove the card meanwhile
 *   DIR/login-delay-ms  present: C_Login waits this long first, as a user typing on a pinpad reader
 *   DIR/pinpad          present: the reader has a keypad; a login without PIN uses this file's PIN
 *   DIR/no-reader       present: no reader is connected (no slot at all)
 *   DIR/token-label     present: the reader holds another smart card, whose token label is this file's line
 *   DIR/card.lock       locked while a process logs in or reads the token (see lock_card)
 *
 * The token info's ulSessionCount is the number of sessions this process has open with the card
 * (SoftHSM leaves it unavailable), so a test can see that no session outlives an operation.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#define CK_PTR *
#define CK_DECLARE_FUNCTION(returnType, name) returnType name
#define CK_DECLARE_FUNCTION_POINTER(returnType, name) returnType(*name)
#define CK_CALLBACK_FUNCTION(returnType, name) returnType(*name)
#ifndef NULL_PTR
#define NULL_PTR 0
#endif
#include "pkcs11.h"

#define MAX_TRIES 3
#define DEFAULT_SOFTHSM "/usr/lib/softhsm/libsofthsm2.so"

static char dir[PATH_MAX - 64];
static void *softhsm;
static CK_FUNCTION_LIST_PTR real;
static CK_FUNCTION_LIST list;

static void path_in_dir(char *out, const char *name) { snprintf(out, PATH_MAX, "%s/%s", dir, name); }

static int exists(const char *name) {
  char path[PATH_MAX];
  path_in_dir(path, name);
  return access(path, F_OK) == 0;
}

/* First line of DIR/name into buf; 0 when absent. */
static int read_file(const char *name, char *buf, size_t size) {
  char path[PATH_MAX];
  path_in_dir(path, name);
  FILE *file = fopen(path, "r");
  if (!file) return 0;
  int ok = fgets(buf, (int)size, file) != NULL;
  fclose(file);
  if (ok) buf[strcspn(buf, "\r\n")] = 0;
  return ok;
}

static int failures(void) {
  char buf[32];
  return read_file("pin-failures", buf, sizeof buf) ? atoi(buf) : 0;
}

/* Written to a temporary file then renamed: two processes never see half a count. */
static void set_failures(int count) {
  char path[PATH_MAX], temporary[PATH_MAX + 32];
  path_in_dir(path, "pin-failures");
  snprintf(temporary, sizeof temporary, "%s.%d", path, (int)getpid());
  FILE *file = fopen(temporary, "w");
  if (!file) return;
  fprintf(file, "%d\n", count);
  fclose(file);
  rename(temporary, path);
}

static int removed(void) { return exists("removed"); }

/* A real card answers one process at a time (PC/SC transactions). SoftHSM does not: it rewrites its
   token file at each login, and another process reading the token meanwhile gets CKR_GENERAL_ERROR
   (or misses the token: "no reader"). Logins hold DIR/card.lock exclusively (LOCK_EX), readers of
   the token shared (LOCK_SH), across processes and threads. */
static int lock_card(int operation) {
  char path[PATH_MAX];
  path_in_dir(path, "card.lock");
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0)
    while (flock(fd, operation) == -1 && errno == EINTR) continue;
  return fd;
}

static void unlock_card(int fd) {
  if (fd >= 0) close(fd);
}

/* Open sessions per slot in this process; pkcs11js signs on its own thread, hence the lock. */
#define MAX_SLOTS 8
static struct { CK_SLOT_ID slot; CK_ULONG open; } sessions[MAX_SLOTS];
static pthread_mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;

static void count_sessions(CK_SLOT_ID slot, long change, int reset) {
  pthread_mutex_lock(&sessions_lock);
  int free_entry = -1, i;
  for (i = 0; i < MAX_SLOTS; i++) {
    if (sessions[i].open && sessions[i].slot == slot) break;
    if (!sessions[i].open && free_entry < 0) free_entry = i;
  }
  if (i == MAX_SLOTS) i = free_entry;
  if (i >= 0) {
    sessions[i].slot = slot;
    sessions[i].open = reset ? 0 : (CK_ULONG)((long)sessions[i].open + change);
  }
  pthread_mutex_unlock(&sessions_lock);
}

static CK_ULONG open_sessions(CK_SLOT_ID slot) {
  CK_ULONG open = 0;
  pthread_mutex_lock(&sessions_lock);
  for (int i = 0; i < MAX_SLOTS; i++)
    if (sessions[i].open && sessions[i].slot == slot) open = sessions[i].open;
  pthread_mutex_unlock(&sessions_lock);
  return open;
}

/* Sleeps for the milliseconds written in DIR/name, if present. */
static void delay_from(const char *name) {
  char buf[32];
  if (!read_file(name, buf, sizeof buf)) return;
  long ms = atol(buf);
  struct timespec pause = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&pause, &pause) == -1 && errno == EINTR) continue;
}

static CK_RV shim_Initialize(CK_VOID_PTR args) {
  char conf[PATH_MAX];
  path_in_dir(conf, "softhsm2.conf");
  const char *previous = getenv("SOFTHSM2_CONF");
  char *saved = previous ? strdup(previous) : NULL;
  setenv("SOFTHSM2_CONF", conf, 1);
  CK_RV rv = real->C_Initialize(args);
  if (saved) {
    setenv("SOFTHSM2_CONF", saved, 1);
    free(saved);
  } else {
    unsetenv("SOFTHSM2_CONF");
  }
  return rv;
}

static CK_RV shim_Finalize(CK_VOID_PTR reserved) {
  CK_RV rv = real->C_Finalize(reserved);
  if (rv == CKR_OK) {
    pthread_mutex_lock(&sessions_lock);
    memset(sessions, 0, sizeof sessions);
    pthread_mutex_unlock(&sessions_lock);
  }
  return rv;
}

/* Only initialised tokens are readers (SoftHSM's spare empty slot is hidden); a removed card leaves the reader empty. */
static CK_RV shim_GetSlotList(CK_BBOOL tokenPresent, CK_SLOT_ID_PTR slots, CK_ULONG_PTR count) {
  CK_ULONG all = 0;
  CK_RV rv = real->C_GetSlotList(CK_FALSE, NULL_PTR, &all);
  if (rv != CKR_OK) return rv;
  CK_SLOT_ID ids[all ? all : 1];
  rv = real->C_GetSlotList(CK_FALSE, ids, &all);
  if (rv != CKR_OK) return rv;
  CK_ULONG kept = 0;
  if (exists("no-reader")) all = 0;
  int card = lock_card(LOCK_SH);
  for (CK_ULONG i = 0; i < all; i++) {
    CK_TOKEN_INFO info;
    if (real->C_GetTokenInfo(ids[i], &info) != CKR_OK || !(info.flags & CKF_TOKEN_INITIALIZED)) continue;
    if (tokenPresent && removed()) continue;
    ids[kept++] = ids[i];
  }
  unlock_card(card);
  if (slots == NULL_PTR) {
    *count = kept;
    return CKR_OK;
  }
  if (*count < kept) {
    *count = kept;
    return CKR_BUFFER_TOO_SMALL;
  }
  memcpy(slots, ids, kept * sizeof(CK_SLOT_ID));
  *count = kept;
  return CKR_OK;
}

static CK_RV shim_GetSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO_PTR info) {
  CK_RV rv = real->C_GetSlotInfo(slot, info);
  if (rv == CKR_OK) {
    info->flags |= CKF_REMOVABLE_DEVICE | CKF_HW_SLOT;
    if (removed()) info->flags &= ~(CK_FLAGS)CKF_TOKEN_PRESENT;
  }
  return rv;
}

static CK_RV shim_GetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info) {
  if (removed()) return CKR_TOKEN_NOT_PRESENT;
  int card = lock_card(LOCK_SH);
  CK_RV rv = real->C_GetTokenInfo(slot, info);
  unlock_card(card);
  if (rv != CKR_OK) return rv;
  int count = failures();
  info->flags &= ~(CK_FLAGS)(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED);
  if (count >= MAX_TRIES) info->flags |= CKF_USER_PIN_LOCKED;
  else if (count == MAX_TRIES - 1) info->flags |= CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY;
  else if (count > 0) info->flags |= CKF_USER_PIN_COUNT_LOW;
  if (exists("pinpad")) info->flags |= CKF_PROTECTED_AUTHENTICATION_PATH;
  char label[sizeof info->label + 1];
  if (read_file("token-label", label, sizeof label)) {
    /* Token labels are blank-padded, never NUL-terminated. */
    memset(info->label, ' ', sizeof info->label);
    memcpy(info->label, label, strlen(label));
  }
  info->ulSessionCount = open_sessions(slot);
  return CKR_OK;
}

static CK_RV shim_OpenSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_VOID_PTR application, CK_NOTIFY notify, CK_SESSION_HANDLE_PTR session) {
  if (removed()) return CKR_TOKEN_NOT_PRESENT;
  CK_RV rv = real->C_OpenSession(slot, flags, application, notify, session);
  if (rv == CKR_OK) count_sessions(slot, +1, 0);
  return rv;
}

static CK_RV shim_CloseSession(CK_SESSION_HANDLE session) {
  CK_SESSION_INFO info;
  CK_RV known = real->C_GetSessionInfo(session, &info);
  CK_RV rv = real->C_CloseSession(session);
  if (rv == CKR_OK && known == CKR_OK) count_sessions(info.slotID, -1, 0);
  return rv;
}

static CK_RV shim_CloseAllSessions(CK_SLOT_ID slot) {
  CK_RV rv = real->C_CloseAllSessions(slot);
  if (rv == CKR_OK) count_sessions(slot, 0, 1);
  return rv;
}

static CK_RV shim_Login(CK_SESSION_HANDLE session, CK_USER_TYPE user, CK_UTF8CHAR_PTR pin, CK_ULONG length) {
  delay_from("login-delay-ms");
  if (removed()) return CKR_DEVICE_REMOVED;
  if (user == CKU_SO) return real->C_Login(session, user, pin, length);
  if (failures() >= MAX_TRIES) return CKR_PIN_LOCKED;
  char typed[64];
  if ((pin == NULL_PTR || length == 0) && exists("pinpad")) {
    /* The "user" types on the simulated reader's keypad: the PIN comes from DIR/pinpad.
       NULL is the standard way to ask for it; an empty PIN is what pkcs11js can send. */
    if (!read_file("pinpad", typed, sizeof typed)) return CKR_ARGUMENTS_BAD;
    pin = (CK_UTF8CHAR_PTR)typed;
    length = strlen(typed);
  }
  int card = lock_card(LOCK_EX);
  CK_RV rv = real->C_Login(session, user, pin, length);
  unlock_card(card);
  if (rv == CKR_PIN_INCORRECT) {
    int count = failures() + 1;
    set_failures(count);
    return count >= MAX_TRIES ? CKR_PIN_LOCKED : CKR_PIN_INCORRECT;
  }
  if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN) set_failures(0);
  return rv;
}

static CK_RV shim_FindObjectsInit(CK_SESSION_HANDLE session, CK_ATTRIBUTE_PTR template, CK_ULONG count) {
  if (removed()) return CKR_DEVICE_REMOVED;
  return real->C_FindObjectsInit(session, template, count);
}

static CK_RV shim_GetAttributeValue(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object, CK_ATTRIBUTE_PTR template, CK_ULONG count) {
  if (removed()) return CKR_DEVICE_REMOVED;
  return real->C_GetAttributeValue(session, object, template, count);
}

static CK_RV shim_SignInit(CK_SESSION_HANDLE session, CK_MECHANISM_PTR mechanism, CK_OBJECT_HANDLE key) {
  if (removed()) return CKR_DEVICE_REMOVED;
  return real->C_SignInit(session, mechanism, key);
}

static CK_RV shim_Sign(CK_SESSION_HANDLE session, CK_BYTE_PTR data, CK_ULONG length, CK_BYTE_PTR signature, CK_ULONG_PTR signatureLength) {
  if (signature != NULL_PTR) delay_from("sign-delay-ms");
  if (removed()) return CKR_DEVICE_REMOVED;
  return real->C_Sign(session, data, length, signature, signatureLength);
}

static CK_RV load(void) {
  if (real) return CKR_OK;
  Dl_info self;
  if (!dladdr((void *)&load, &self) || !self.dli_fname) return CKR_GENERAL_ERROR;
  snprintf(dir, sizeof dir, "%s", self.dli_fname);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = 0;
  else snprintf(dir, sizeof dir, ".");
  char copy[PATH_MAX];
  path_in_dir(copy, "libsofthsm2.so");
  const char *chosen = getenv("EHEALTH_SOFTHSM_MODULE");
  const char *target = chosen && *chosen ? chosen : access(copy, F_OK) == 0 ? copy : DEFAULT_SOFTHSM;
  softhsm = dlopen(target, RTLD_NOW | RTLD_LOCAL);
  if (!softhsm) {
    fprintf(stderr, "virtual-beid: cannot load SoftHSM (%s): %s\n", target, dlerror());
    return CKR_GENERAL_ERROR;
  }
  CK_C_GetFunctionList get = (CK_C_GetFunctionList)dlsym(softhsm, "C_GetFunctionList");
  if (!get || get(&real) != CKR_OK) return CKR_GENERAL_ERROR;
  list = *real;
  list.C_Initialize = shim_Initialize;
  list.C_Finalize = shim_Finalize;
  list.C_GetSlotList = shim_GetSlotList;
  list.C_GetSlotInfo = shim_GetSlotInfo;
  list.C_GetTokenInfo = shim_GetTokenInfo;
  list.C_OpenSession = shim_OpenSession;
  list.C_CloseSession = shim_CloseSession;
  list.C_CloseAllSessions = shim_CloseAllSessions;
  list.C_Login = shim_Login;
  list.C_FindObjectsInit = shim_FindObjectsInit;
  list.C_GetAttributeValue = shim_GetAttributeValue;
  list.C_SignInit = shim_SignInit;
  list.C_Sign = shim_Sign;
  return CKR_OK;
}

CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR out) {
  if (out == NULL_PTR) return CKR_ARGUMENTS_BAD;
  CK_RV rv = load();
  if (rv != CKR_OK) return rv;
  *out = &list;
  return CKR_OK;
}
