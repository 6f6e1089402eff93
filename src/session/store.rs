//! The sessions folder: atomic saves off the UI thread, a lock per session, listing.
use std::{
    fs::{self, File, OpenOptions, TryLockError},
    io::{self, Write},
    path::{Path, PathBuf},
    sync::{
        Arc,
        mpsc::{self, Sender},
    },
    thread,
    time::{Duration, Instant},
};

use super::{FileError, Session};
use crate::{
    i18n::{self, Localize, fill, os_reason},
    lang::Lang,
};

/// What went wrong with a session file or the sessions folder: the path and the system's
/// error travel inside; the words are made where the error is shown ([`Localize`]).
/// The `io::Error` is shared, so that the saver can tell everyone who waits for a save.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    /// A session file could not be read.
    Read {
        path: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
    /// A session file holds bytes that are not UTF-8 text.
    NotText { path: PathBuf },
    /// A session file was read, but it is not one this voer can use.
    Invalid {
        path: PathBuf,
        #[source]
        source: FileError,
    },
    /// A file (the session, a report, a copy elsewhere) could not be written.
    Write {
        path: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
    /// The disk did not answer in time while `path` was being saved.
    NoAnswer { path: PathBuf },
    /// A new file was to be made at `path`, but there is one already: it is left alone.
    Exists { path: PathBuf },
    /// The session's lock was lost (its folder was removed and made again) and another voer
    /// took it meanwhile: this one no longer writes the file.
    InUse { path: PathBuf },
    /// The saver thread had already stopped, so `path` was not written.
    SaverStopped { path: PathBuf },
    /// The sessions folder cannot be made or written in.
    Unwritable {
        dir: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
    /// The sessions folder cannot be read.
    List {
        dir: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
}

impl StoreError {
    pub fn read(path: &Path, source: io::Error) -> StoreError {
        StoreError::Read {
            path: path.to_path_buf(),
            source: Arc::new(source),
        }
    }

    pub fn write(path: &Path, source: io::Error) -> StoreError {
        StoreError::Write {
            path: path.to_path_buf(),
            source: Arc::new(source),
        }
    }

    pub fn unwritable(dir: &Path, source: io::Error) -> StoreError {
        StoreError::Unwritable {
            dir: dir.to_path_buf(),
            source: Arc::new(source),
        }
    }

    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            StoreError::Read { path, .. }
            | StoreError::NotText { path }
            | StoreError::Invalid { path, .. }
            | StoreError::Write { path, .. }
            | StoreError::NoAnswer { path }
            | StoreError::Exists { path }
            | StoreError::InUse { path }
            | StoreError::SaverStopped { path } => path,
            StoreError::Unwritable { dir, .. } | StoreError::List { dir, .. } => dir,
        }
    }

    /// Whether the file or folder is not there at all.
    pub fn is_not_found(&self) -> bool {
        match self {
            StoreError::Read { source, .. }
            | StoreError::Write { source, .. }
            | StoreError::Unwritable { source, .. }
            | StoreError::List { source, .. } => source.kind() == io::ErrorKind::NotFound,
            _ => false,
        }
    }

    /// What is wrong, without the path: for where the path is already shown beside it.
    pub fn detail(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            // Writing makes a file in the folder: "not found" means the folder went away.
            StoreError::Write { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                t.os_folder_gone.to_string()
            }
            StoreError::Read { source, .. }
            | StoreError::Write { source, .. }
            | StoreError::Unwritable { source, .. }
            | StoreError::List { source, .. } => os_reason(source, lang),
            StoreError::NotText { .. } => t.not_text.to_string(),
            StoreError::Invalid { source, .. } => source.render(lang),
            StoreError::NoAnswer { .. } => t.os_no_answer.to_string(),
            StoreError::Exists { path } => fill(t.save_as_exists, [&path.display()]),
            StoreError::InUse { path } => fill(t.session_in_use, [&path.display()]),
            StoreError::SaverStopped { .. } => t.saver_stopped.to_string(),
        }
    }
}

impl Localize for StoreError {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        let detail = self.detail(lang);
        match self {
            StoreError::Unwritable { dir, .. } => {
                fill(t.sessions_unwritable, [&dir.display(), &detail])
            }
            StoreError::List { dir, .. } => fill(t.sessions_unreadable, [&dir.display(), &detail]),
            // The path is in the sentence already.
            StoreError::Exists { .. } | StoreError::InUse { .. } => detail,
            _ => format!("{}: {detail}", self.path().display()),
        }
    }
}

i18n::english_display!(StoreError);

/// Equal when they say the same: `io::Error` itself has no equality.
impl PartialEq for StoreError {
    fn eq(&self, other: &StoreError) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for StoreError {}

/// Creates the folder (owner-only) if needed and proves it is writable by writing a probe file.
pub fn ensure_writable(dir: &Path) -> Result<(), StoreError> {
    let probe = create_private_dir(dir).and_then(|()| {
        tempfile::Builder::new()
            .prefix(".voer-probe")
            .tempfile_in(dir)
    });
    probe.map(drop).map_err(|e| StoreError::unwritable(dir, e))
}

/// Whether the folder could be used, without creating anything: an existing folder is probed
/// as in `ensure_writable`; for one still to be made, the nearest existing parent must be a
/// folder that is not read-only. For the picker, which makes the folder only for a session.
pub fn check_writable(dir: &Path) -> Result<(), StoreError> {
    if dir.exists() {
        return ensure_writable(dir);
    }
    would_be_writable(dir).map_err(|e| StoreError::unwritable(dir, e))
}

fn would_be_writable(dir: &Path) -> io::Result<()> {
    let dir = std::path::absolute(dir)?;
    let mut parent = dir.parent();
    while let Some(p) = parent {
        match fs::metadata(p) {
            Ok(meta) if !meta.is_dir() => {
                return Err(io::Error::new(
                    io::ErrorKind::NotADirectory,
                    format!("{} is not a folder", p.display()),
                ));
            }
            Ok(meta) if meta.permissions().readonly() => {
                return Err(io::Error::from(io::ErrorKind::PermissionDenied));
            }
            Ok(_) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => parent = p.parent(),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if dir.exists() {
        // The system would say "already exists", which reads as if all were well.
        return Err(io::ErrorKind::NotADirectory.into());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    // On Windows the folder takes the access list of its parent instead (see `platform`).
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, readable by
/// the owner only, flushed to disk, then renamed over the target. A reader or a crash sees
/// the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_via_temp(path, contents).map_err(without_temp_name)
}

/// tempfile names its temporary file (`.x.md.iTSfmO.tmp`) in its errors; the user should only
/// see the reason, with the target named by the caller.
fn without_temp_name(e: io::Error) -> io::Error {
    // Our own reasons name no temporary file, and are worded in the user's language later.
    if e.get_ref()
        .is_some_and(|r| r.is::<crate::platform::HeldOpen>())
    {
        return e;
    }
    // tempfile words it as "<reason> at path \"<temp file>\"".
    let text = e.to_string();
    match text.split_once(" at path ") {
        Some((reason, _)) => io::Error::new(e.kind(), reason.to_string()),
        None => e,
    }
}

/// `contents` in a temporary file beside `path`, flushed to disk. tempfile creates its files
/// with mode 0600 on Unix (on Windows they take the folder's access list). Named after the
/// target, so that a copy left by a crash can be found and removed (see `remove_leftovers`).
fn temp_beside(path: &Path, contents: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(folder_of(path))?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Makes a rename in the folder of `path` durable; failure here is not worth failing the save
/// for. Windows cannot open a folder as a file; NTFS journals the rename itself.
fn sync_folder_of(path: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(folder_of(path)) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn write_via_temp(path: &Path, contents: &[u8]) -> io::Result<()> {
    let tmp = temp_beside(path, contents)?;
    // Windows refuses to replace a file that a sync client or a virus scanner holds open for
    // a moment: try again for about a second, then say so (see `platform::retry_while_held`).
    let mut tmp = Some(tmp);
    crate::platform::retry_while_held(
        || match tmp.take() {
            Some(t) => t.persist(path).map(drop).map_err(|e| {
                tmp = Some(e.file);
                e.error
            }),
            None => Err(io::Error::other("the temporary file is gone")),
        },
        crate::platform::held_open,
        thread::sleep,
    )?;
    sync_folder_of(path);
    Ok(())
}

/// The folder a file is in; "." for a bare file name.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `.<file name>.`: the start of the name of a temporary file that will become `path`.
fn temp_prefix(path: &Path) -> String {
    format!(
        ".{}.",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// Removes the temporary copies of `path` that a crash in the middle of a save left behind:
/// they hold the notes, and would otherwise stay in the folder after the session is deleted.
/// Only safe while holding the session's lock: no one else is saving this file.
fn remove_leftovers(path: &Path) {
    let dir = folder_of(path);
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Writes a rescue copy of a session whose last save failed (the sessions folder gone as the
/// window closed) into `dir`, an owner-only folder made if needed, under the session file's
/// name (`-2`, `-3` … if taken). Returns where.
pub fn rescue(
    dir: &Path,
    name: &std::ffi::OsStr,
    session: &Session,
) -> Result<PathBuf, StoreError> {
    create_private_dir(dir).map_err(|e| StoreError::unwritable(dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| StoreError::unwritable(dir, e))?;
    }
    let name = Path::new(name);
    let stem = name.file_stem().unwrap_or_default().to_string_lossy();
    let contents = session.to_toml();
    for path in free_names(dir, &stem) {
        match write_new_file(&path, contents.as_bytes()) {
            Err(StoreError::Exists { .. }) => continue,
            other => return other.map(|()| path),
        }
    }
    Err(StoreError::Exists {
        path: dir.join(name),
    })
}

/// The names a new file called `<stem>.toml` may take in `dir`, in order: `<stem>.toml`, then
/// `<stem>-2.toml`, `<stem>-3.toml` … up to a thousand.
fn free_names<'a>(dir: &'a Path, stem: &'a str) -> impl Iterator<Item = PathBuf> + 'a {
    (1..=1000).map(move |n| match n {
        1 => dir.join(format!("{stem}.toml")),
        n => dir.join(format!("{stem}-{n}.toml")),
    })
}

/// Saves a session to its file. When this voer holds the session's lock but the lock file
/// is gone (the folder was removed and made again), the lock is taken again first; when
/// another voer took it meanwhile, nothing is written.
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    relock(path)?;
    write_atomic(path, session.to_toml().as_bytes()).map_err(|e| StoreError::write(path, e))
}

/// Writes a copy of a session to a new file at `path` (save elsewhere): an existing file is
/// never replaced. Returns the absolute path of the file written.
pub fn save_new(path: &Path, session: &Session) -> Result<PathBuf, StoreError> {
    let path = std::path::absolute(path).map_err(|e| StoreError::write(path, e))?;
    write_new_file(&path, session.to_toml().as_bytes())?;
    Ok(path)
}

/// Writes `contents` to a new file at `path`; an existing file is left alone (`Exists`).
pub fn write_new_file(path: &Path, contents: &[u8]) -> Result<(), StoreError> {
    write_new(path, contents).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            StoreError::Exists {
                path: path.to_path_buf(),
            }
        } else {
            StoreError::write(path, without_temp_name(e))
        }
    })
}

/// As `write_via_temp`, but the temporary file takes the name only if no file has it: in
/// one step, so that two voers cannot both take it.
fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    temp_beside(path, contents)?
        .persist_noclobber(path)
        .map_err(|e| e.error)?;
    sync_folder_of(path);
    Ok(())
}

/// Reads a session file; the error says which file and what is wrong with it.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    load_checked(path).map(|(s, _)| s)
}

/// A time in a session file that was over 24 hours and was read as 24 hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeClamped {
    pub path: PathBuf,
    /// As the file names it: `steps[4].planned_seconds`.
    pub field: String,
    /// The number the file held.
    pub value: u64,
}

impl Localize for TimeClamped {
    fn render(&self, lang: Lang) -> String {
        fill(
            i18n::texts(lang).time_clamped,
            [&self.path.display(), &self.field, &self.value],
        )
    }
}

/// As [`load`], with a warning for each time the file held over 24 hours: those are read as
/// 24 hours, so that the notes can always be opened and exported.
pub fn load_checked(path: &Path) -> Result<(Session, Vec<TimeClamped>), StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::read(path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::NotText {
        path: path.to_path_buf(),
    })?;
    let (session, clamped) =
        Session::from_toml_checked(&text).map_err(|source| StoreError::Invalid {
            path: path.to_path_buf(),
            source,
        })?;
    let warnings = clamped
        .into_iter()
        .map(|c| TimeClamped {
            path: path.to_path_buf(),
            field: c.field,
            value: c.value,
        })
        .collect();
    Ok((session, warnings))
}

/// Why a new session file could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Lock(#[from] LockError),
}

/// Makes, locks and first saves the file of a new session in `dir`: the first free name,
/// adding -2, -3 … when it is taken. Each name is locked and then claimed in one step, so that
/// voers started in the same minute for the same group each get a file of their own.
/// Returns the file's absolute path (the folder's symbolic links resolved) and its lock.
pub fn create(dir: &Path, session: &Session) -> Result<(PathBuf, SessionLock), CreateError> {
    let dir = crate::platform::canonicalize(dir).map_err(|e| StoreError::unwritable(dir, e))?;
    let name = session.file_name();
    let stem = name.trim_end_matches(".toml");
    let contents = session.to_toml();
    for path in free_names(&dir, stem) {
        if path.exists() {
            continue;
        }
        let lock = match SessionLock::acquire(&path) {
            Ok(lock) => lock,
            // Another voer is making this very file: on to the next name.
            Err(LockError::InUse { .. }) => continue,
            Err(e) => return Err(e.into()),
        };
        match write_new(&path, contents.as_bytes()) {
            Ok(()) => return Ok((path, lock)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(StoreError::write(&path, without_temp_name(e)).into()),
        }
    }
    Err(StoreError::Exists {
        path: dir.join(name),
    }
    .into())
}

/// Holds an exclusive lock on a session, so that a second voer cannot edit the same file.
/// The lock is an OS file lock: it is released when the process ends, even by `kill -9`,
/// so a crashed run never blocks a resume. It is taken on the session file's real path,
/// its symbolic links resolved, so that no second name for the file gets around it.
#[derive(Debug)]
pub struct SessionLock {
    session: PathBuf,
}

/// The locks this process holds, by session file: `save` takes one again when its lock file
/// was removed with the folder (see `relock`).
static HELD: std::sync::Mutex<Vec<Held>> = std::sync::Mutex::new(Vec::new());

#[derive(Debug)]
struct Held {
    session: PathBuf,
    lock_path: PathBuf,
    file: File,
}

fn held() -> std::sync::MutexGuard<'static, Vec<Held>> {
    HELD.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Why a session could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another voer has the session at `path` open.
    InUse { path: PathBuf },
    /// The session file at `path` has more than one name (a hard link): a lock on one name
    /// would not keep a voer on the other away.
    Linked { path: PathBuf },
    /// The lock file at `path` is not a regular file (a symbolic link, a device, a pipe).
    NotAFile { path: PathBuf },
    /// The lock file at `path` could not be made or locked.
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl Localize for LockError {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            LockError::InUse { path } => fill(t.session_in_use, [&path.display()]),
            LockError::Linked { path } => fill(t.session_linked, [&path.display()]),
            LockError::NotAFile { path } => fill(t.lock_not_a_file, [&path.display()]),
            LockError::Io { path, source } => fill(
                t.cannot_lock,
                [&format!("{}: {}", path.display(), os_reason(source, lang))],
            ),
        }
    }
}

i18n::english_display!(LockError);

impl SessionLock {
    /// Locks the session at `session_path` (which need not exist yet). The path the lock is
    /// known by is the real one: see [`real_path`].
    pub fn acquire(session_path: &Path) -> Result<SessionLock, LockError> {
        let session = real_path(session_path);
        if fs::metadata(&session).is_ok_and(|meta| links(&meta) > 1) {
            return Err(LockError::Linked { path: session });
        }
        let lock_path = lock_path(&session);
        let file = lock_file(&lock_path).map_err(|e| match e {
            LockError::InUse { .. } => LockError::InUse {
                path: session_path.to_path_buf(),
            },
            e => e,
        })?;
        remove_leftovers(&session);
        held().push(Held {
            session: session.clone(),
            lock_path,
            file,
        });
        Ok(SessionLock { session })
    }

    /// The session file's real path, under which it is locked.
    pub fn session(&self) -> &Path {
        &self.session
    }
}

/// The path a session file is locked and saved under: symbolic links resolved, so that an
/// alias names the same file. For a file still to be made, its folder's links are resolved.
pub fn real_path(path: &Path) -> PathBuf {
    if let Ok(p) = crate::platform::canonicalize(path) {
        return p;
    }
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => crate::platform::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(abs.clone()),
        _ => abs,
    }
}

#[cfg(unix)]
fn links(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn links(_: &fs::Metadata) -> u64 {
    1
}

/// Opens and locks the lock file at `path`, made owner-only if new. A symbolic link there is
/// not followed, and anything but a regular file is refused: a link planted in the folder
/// cannot make voer create or open a file elsewhere.
fn lock_file(path: &Path) -> Result<File, LockError> {
    let mut opts = OpenOptions::new();
    opts.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a pipe for writing would otherwise wait for a reader.
        opts.mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let io_error = |source: io::Error| LockError::Io {
        path: path.to_path_buf(),
        source,
    };
    let not_a_file = || LockError::NotAFile {
        path: path.to_path_buf(),
    };
    // A voer that quits removes its lock file while holding the lock. Whoever locked the
    // removed file in the meantime holds nothing: check the path still names our file,
    // and try again if not.
    for _ in 0..10 {
        if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
            return Err(not_a_file());
        }
        let file = match opts.open(path) {
            Ok(f) => f,
            // ELOOP: the path is a symbolic link (O_NOFOLLOW); ENXIO: a pipe with no reader.
            #[cfg(unix)]
            Err(e) if matches!(e.raw_os_error(), Some(libc::ELOOP | libc::ENXIO)) => {
                return Err(not_a_file());
            }
            Err(e) => return Err(io_error(e)),
        };
        if !file.metadata().map_err(io_error)?.is_file() {
            return Err(not_a_file());
        }
        match file.try_lock() {
            Ok(()) if still_named(&file, path) => return Ok(file),
            Ok(()) => continue,
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::InUse {
                    path: path.to_path_buf(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_error(e)),
        }
    }
    Err(LockError::InUse {
        path: path.to_path_buf(),
    })
}

/// Before a save of a session this voer has locked: when its lock file no longer has its
/// name (the folder was removed, or made again), lock the session again, so that a second
/// voer cannot open it. Fails when another voer holds it now, or the lock cannot be made.
fn relock(session: &Path) -> Result<(), StoreError> {
    let mut held = held();
    let Some(h) = held.iter_mut().find(|h| h.session == session) else {
        return Ok(());
    };
    if still_named(&h.file, &h.lock_path) {
        return Ok(());
    }
    match lock_file(&h.lock_path) {
        Ok(file) => {
            h.file = file;
            Ok(())
        }
        Err(LockError::InUse { .. }) => Err(StoreError::InUse {
            path: session.to_path_buf(),
        }),
        Err(LockError::Io { source, .. }) => Err(StoreError::write(session, source)),
        Err(_) => Err(StoreError::InUse {
            path: session.to_path_buf(),
        }),
    }
}

/// Whether `path` still names the open `file` (it was not removed or replaced meanwhile).
fn still_named(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    // Windows: std has no stable file id to compare. A lock file removed while another voer
    // was opening it is the only way to get this wrong, and only when two start at once.
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        let mut held = held();
        if let Some(i) = held.iter().position(|h| h.session == self.session) {
            let h = held.swap_remove(i);
            // Removed while still locked (the file closes after this), see `lock_file`; only
            // if the name is still ours.
            if still_named(&h.file, &h.lock_path) {
                let _ = fs::remove_file(&h.lock_path);
            }
        }
    }
}

pub fn lock_path(session_path: &Path) -> PathBuf {
    let mut name = session_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    session_path.with_file_name(format!(".{}", name.to_string_lossy()))
}

/// The outcome of one background save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Saved; carries the revision that was written.
    Saved {
        revision: u64,
        took: Duration,
    },
    Failed {
        revision: u64,
        error: StoreError,
    },
}

struct SaveJob {
    revision: u64,
    path: PathBuf,
    session: Session,
    reply: Option<Sender<SaveOutcome>>,
}

/// A file that is not the session file (an export, a copy saved elsewhere): written in turn,
/// never merged with other jobs.
struct WriteJob {
    path: PathBuf,
    contents: Vec<u8>,
    /// Only as a new file: an existing one is left alone (save elsewhere).
    new: bool,
    done: Box<dyn FnOnce(Result<(), StoreError>) + Send>,
}

enum Job {
    Save(Box<SaveJob>),
    Write(WriteJob),
}

/// Does every write of a run on a background thread, so typing never waits for the disk.
/// Session saves that queue up while a slow save runs are collapsed: only the newest is written
/// (it holds everything the older ones do), and whoever waits for an older one is told.
/// Other files (`write`) are written in the order asked, each reporting its own outcome.
pub struct Saver {
    jobs: Option<Sender<Job>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Saver {
    /// `report` hears the outcome of every session save.
    pub fn start(report: impl Fn(SaveOutcome) + Send + 'static) -> Saver {
        Self::with_delay(Duration::ZERO, report)
    }

    /// A saver whose every write takes at least `delay` longer: simulates a slow disk.
    pub fn with_delay(delay: Duration, report: impl Fn(SaveOutcome) + Send + 'static) -> Saver {
        let (jobs_tx, jobs_rx) = mpsc::channel::<Job>();
        let thread = thread::Builder::new()
            .name("voer-saver".into())
            .spawn(move || {
                while let Ok(first) = jobs_rx.recv() {
                    // Everything queued meanwhile: the newest session save stands for all.
                    let mut newest: Option<Box<SaveJob>> = None;
                    let mut waiting: Vec<Sender<SaveOutcome>> = Vec::new();
                    let mut writes: Vec<WriteJob> = Vec::new();
                    for job in std::iter::once(first).chain(jobs_rx.try_iter()) {
                        match job {
                            Job::Save(mut newer) => {
                                waiting.extend(newer.reply.take());
                                newest = Some(newer);
                            }
                            Job::Write(w) => writes.push(w),
                        }
                    }
                    for w in writes {
                        if !delay.is_zero() {
                            thread::sleep(delay);
                        }
                        let result = if w.new {
                            write_new_file(&w.path, &w.contents)
                        } else {
                            write_atomic(&w.path, &w.contents)
                                .map_err(|e| StoreError::write(&w.path, e))
                        };
                        (w.done)(result);
                    }
                    let Some(job) = newest else { continue };
                    let start = Instant::now();
                    if !delay.is_zero() {
                        thread::sleep(delay);
                    }
                    let outcome = match save(&job.path, &job.session) {
                        Ok(()) => SaveOutcome::Saved {
                            revision: job.revision,
                            took: start.elapsed(),
                        },
                        Err(error) => SaveOutcome::Failed {
                            revision: job.revision,
                            error,
                        },
                    };
                    for w in waiting {
                        let _ = w.send(outcome.clone());
                    }
                    report(outcome);
                }
            })
            .ok();
        Saver {
            jobs: Some(jobs_tx),
            thread,
        }
    }

    /// Queues a save; `reply` (if any) hears its outcome.
    pub fn submit(
        &self,
        path: &Path,
        session: Session,
        revision: u64,
        reply: Option<Sender<SaveOutcome>>,
    ) {
        if let Some(tx) = &self.jobs {
            let _ = tx.send(Job::Save(Box::new(SaveJob {
                revision,
                path: path.to_path_buf(),
                session,
                reply,
            })));
        }
    }

    /// Queues writing `contents` to `path` (atomically); `done` hears the outcome.
    pub fn write(
        &self,
        path: &Path,
        contents: Vec<u8>,
        done: impl FnOnce(Result<(), StoreError>) + Send + 'static,
    ) {
        self.queue_write(path, contents, false, Box::new(done));
    }

    /// As [`Saver::write`], but only as a new file: an existing file at `path` is left alone
    /// and `done` hears [`StoreError::Exists`].
    pub fn write_new(
        &self,
        path: &Path,
        contents: Vec<u8>,
        done: impl FnOnce(Result<(), StoreError>) + Send + 'static,
    ) {
        self.queue_write(path, contents, true, Box::new(done));
    }

    fn queue_write(
        &self,
        path: &Path,
        contents: Vec<u8>,
        new: bool,
        done: Box<dyn FnOnce(Result<(), StoreError>) + Send>,
    ) {
        let job = Job::Write(WriteJob {
            path: path.to_path_buf(),
            contents,
            new,
            done,
        });
        if let Some(tx) = &self.jobs
            && let Err(mpsc::SendError(Job::Write(w))) = tx.send(job)
        {
            (w.done)(Err(StoreError::SaverStopped { path: w.path }));
        }
    }

    /// Waits for the queued saves to finish.
    pub fn finish(mut self) {
        self.jobs.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// One row of `voer sessions`.
pub struct Listed {
    pub path: PathBuf,
    pub session: Result<Session, StoreError>,
    /// Times the file held over 24 hours, read as 24 hours.
    pub warnings: Vec<TimeClamped>,
}

/// Every `*.toml` in the sessions folder, newest first; unreadable files carry their reason.
pub fn list(dir: &Path) -> Result<Vec<Listed>, StoreError> {
    let entries = fs::read_dir(dir).map_err(|e| StoreError::List {
        dir: dir.to_path_buf(),
        source: Arc::new(e),
    })?;
    let mut out: Vec<Listed> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .map(|path| {
            let (session, warnings) = match load_checked(&path) {
                Ok((s, w)) => (Ok(s), w),
                Err(e) => (Err(e), Vec::new()),
            };
            Listed {
                session,
                warnings,
                path,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |l: &Listed| l.session.as_ref().ok().map(|s| s.session.started_at);
        key(b).cmp(&key(a)).then_with(|| b.path.cmp(&a.path))
    });
    Ok(out)
}

/// The newest unfinished session in the folder; examples are left out.
pub fn newest_unfinished(dir: &Path) -> Result<Option<PathBuf>, StoreError> {
    newest_unfinished_with(dir, None)
}

/// As [`newest_unfinished`], with the rescue copies in `rescue` too: a copy written there when
/// the last save failed is newer than the file it stands in for.
pub fn newest_unfinished_with(
    dir: &Path,
    rescue: Option<&Path>,
) -> Result<Option<PathBuf>, StoreError> {
    let mut all = match list(dir) {
        Ok(all) => all,
        Err(e) if e.is_not_found() && rescue.is_some() => Vec::new(),
        Err(e) => return Err(e),
    };
    if let Some(rescued) = rescue.and_then(|r| list(r).ok()) {
        all.extend(rescued);
    }
    Ok(all
        .into_iter()
        .filter(|l| {
            l.session
                .as_ref()
                .is_ok_and(|s| s.session.status == super::Status::InProgress && !s.session.example)
        })
        .max_by_key(|l| l.session.as_ref().ok().map(|s| s.session.updated_at))
        .map(|l| l.path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        episode::{Audience, Library},
        session::Meta,
    };

    fn session() -> Session {
        let lib = Library::embedded();
        let ep = lib.find("jef-mol").expect("episode 4 is embedded");
        let meta = Meta {
            group: "Team".into(),
            facilitator: String::new(),
            ..Default::default()
        };
        Session::new(
            ep,
            Audience::Team,
            &meta,
            Lang::Nl,
            chrono::Local::now().fixed_offset(),
        )
    }

    #[test]
    fn other_files_are_written_in_turn_between_merged_session_saves() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = mpsc::channel();
        let saver = Saver::start(move |o| {
            let _ = tx.send(o);
        });
        // The saver is held busy until everything below has queued up.
        let (gate_tx, gate_rx) = mpsc::channel::<()>();
        let (busy_tx, busy_rx) = mpsc::channel();
        saver.write(&dir.path().join("0.md"), b"first".to_vec(), move |_| {
            let _ = busy_tx.send(());
            let _ = gate_rx.recv();
        });
        busy_rx.recv().unwrap();
        let file = dir.path().join("sessie.toml");
        let (done_tx, done_rx) = mpsc::channel();
        for rev in 1..=3 {
            saver.submit(&file, session(), rev, None);
            let (path, done) = (dir.path().join(format!("{rev}.md")), done_tx.clone());
            saver.write(&path, format!("export {rev}").into_bytes(), move |r| {
                let _ = done.send(r.is_ok());
            });
        }
        drop(gate_tx);
        saver.finish();
        let written: Vec<bool> = done_rx.try_iter().collect();
        assert_eq!(written, [true, true, true], "every file is written once");
        for rev in 1..=3 {
            let text = fs::read_to_string(dir.path().join(format!("{rev}.md"))).unwrap();
            assert_eq!(text, format!("export {rev}"));
        }
        let saved: Vec<u64> = rx
            .try_iter()
            .map(|o| match o {
                SaveOutcome::Saved { revision, .. } => revision,
                SaveOutcome::Failed { error, .. } => panic!("{error}"),
            })
            .collect();
        assert_eq!(
            saved,
            [3],
            "saves that queued up are merged into the newest"
        );
        assert!(load(&file).is_ok());
    }

    #[test]
    fn a_corrupt_file_is_named_with_its_line_in_the_users_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kapot.toml");
        fs::write(&path, "format_version = 1\n[session\nepisode = 1\n").unwrap();
        let e = load(&path).unwrap_err();
        assert_eq!(e.path(), path);
        let nl = e.render(Lang::Nl);
        assert!(
            nl.starts_with(&format!(
                "{}: regel 2, kolom 9: de inhoud klopt niet (",
                path.display()
            )),
            "{nl}"
        );
        let en = e.render(Lang::En);
        assert!(en.contains("kapot.toml: line 2, column 9: "), "{en}");
        assert!(!e.detail(Lang::Nl).contains("kapot.toml"));
    }

    #[test]
    fn writing_into_a_folder_that_went_away_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("weg").join("s.toml");
        let e = write_atomic(&path, b"x").map_err(|e| StoreError::write(&path, e));
        let e = e.unwrap_err();
        assert_eq!(
            e.render(Lang::Nl),
            format!("{}: de map bestaat niet (meer)", path.display())
        );
        assert!(e.is_not_found());
    }

    #[test]
    fn a_file_where_the_sessions_folder_should_be_is_not_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bestand");
        fs::write(&file, "").unwrap();
        let e = ensure_writable(&file).unwrap_err();
        assert_eq!(
            e.render(Lang::Nl),
            format!(
                "Kan niet opslaan in de map '{}': geen map. Kies een andere map met --sessions MAP.",
                file.display()
            )
        );
    }

    #[test]
    fn a_listed_file_keeps_its_problem_without_repeating_the_path() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("leeg.toml"), "").unwrap();
        let listed = list(dir.path()).unwrap();
        let e = listed[0].session.as_ref().unwrap_err();
        assert_eq!(e.path(), dir.path().join("leeg.toml"));
        assert_eq!(
            e.detail(Lang::Nl),
            "dit is geen sessiebestand van voer (format_version ontbreekt)"
        );
    }

    #[test]
    fn a_write_after_the_saver_stopped_is_named_in_the_users_language() {
        let e = StoreError::SaverStopped {
            path: PathBuf::from("verslag.md"),
        };
        assert_eq!(
            e.render(Lang::Nl),
            "verslag.md: niet geschreven: het opslaan was al gestopt"
        );
        assert_eq!(
            e.render(Lang::En),
            "verslag.md: not written: saving had already stopped"
        );
    }

    #[test]
    fn a_session_in_use_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let _held = SessionLock::acquire(&path).unwrap();
        let e = SessionLock::acquire(&path).unwrap_err();
        assert_eq!(
            e.render(Lang::Nl),
            format!(
                "{} is al geopend in een ander venster met voer. Sluit dat eerst.",
                path.display()
            )
        );
    }

    fn example() -> Session {
        let mut s = Session::from_toml(EXAMPLE).unwrap();
        s.session.example = false;
        s
    }

    #[test]
    fn saving_elsewhere_never_replaces_a_file_and_names_the_absolute_path() {
        let dir = tempfile::tempdir().unwrap();
        let there = dir.path().join("kopie.toml");
        fs::write(&there, "eerdere kopie").unwrap();
        let e = save_new(&there, &example()).unwrap_err();
        assert_eq!(
            e.render(Lang::Nl),
            format!("{} bestaat al; kies een andere naam", there.display())
        );
        assert_eq!(fs::read_to_string(&there).unwrap(), "eerdere kopie");
        let new = dir.path().join("nieuw.toml");
        assert_eq!(save_new(&new, &example()).unwrap(), new);
        assert!(load(&new).is_ok());
    }

    #[test]
    fn starts_in_the_same_minute_each_claim_a_name_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let session = example();
        let barrier = std::sync::Barrier::new(6);
        let made: Vec<PathBuf> = thread::scope(|s| {
            let handles: Vec<_> = (0..6)
                .map(|_| {
                    s.spawn(|| {
                        barrier.wait();
                        let (path, lock) = create(dir.path(), &session).unwrap();
                        // Held until all have made theirs, as a running meeting holds it.
                        barrier.wait();
                        drop(lock);
                        path
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let mut names: Vec<String> = made
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 6, "{names:?}");
        for p in &made {
            assert!(load(p).is_ok());
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_or_a_pipe_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.toml");
        let outside = dir.path().join("buiten");
        std::os::unix::fs::symlink(&outside, lock_path(&session)).unwrap();
        let e = SessionLock::acquire(&session).unwrap_err();
        assert!(matches!(e, LockError::NotAFile { .. }), "{e:?}");
        assert!(!outside.exists());
        let other = dir.path().join("t.toml");
        let fifo = std::ffi::CString::new(lock_path(&other).to_str().unwrap()).unwrap();
        // SAFETY: a valid C string; mkfifo only makes a file.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        let e = SessionLock::acquire(&other).unwrap_err();
        assert!(matches!(e, LockError::NotAFile { .. }), "{e:?}");
    }

    const EXAMPLE: &str = include_str!(
        "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
    );

    #[test]
    fn a_failed_write_does_not_name_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("weg/verslag.md");
        let e = write_atomic(&target, b"x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        assert!(!e.to_string().contains(".tmp"), "{e}");
        assert!(!e.to_string().contains("verslag"), "{e}");
        #[cfg(unix)]
        assert_eq!(e.to_string(), "No such file or directory (os error 2)");
    }

    #[test]
    fn the_example_mark_is_kept_and_resume_never_picks_an_example() {
        let dir = tempfile::tempdir().unwrap();
        // An unfinished example, newer than the real unfinished session.
        let example = EXAMPLE
            .replace("status = \"finished\"", "status = \"in-progress\"")
            .replace("2026-11-20T14:57:00", "2026-11-29T14:57:00");
        fs::write(dir.path().join("example.toml"), &example).unwrap();
        let loaded = load(&dir.path().join("example.toml")).unwrap();
        assert!(loaded.session.example);
        save(&dir.path().join("copy.toml"), &loaded).unwrap();
        assert!(load(&dir.path().join("copy.toml")).unwrap().session.example);
        fs::remove_file(dir.path().join("copy.toml")).unwrap();
        assert_eq!(newest_unfinished(dir.path()).unwrap(), None);

        let real = example.replace("example = true\n", "");
        fs::write(
            dir.path().join("real.toml"),
            real.replace("2026-11-29", "2026-11-21"),
        )
        .unwrap();
        assert!(!load(&dir.path().join("real.toml")).unwrap().session.example);
        assert_eq!(
            newest_unfinished(dir.path()).unwrap(),
            Some(dir.path().join("real.toml"))
        );
    }
}
