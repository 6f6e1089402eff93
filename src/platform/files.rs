//! Reading a file that someone else may have put there (a config, an episode, a session):
//! only a regular file is read, never a pipe or a device, and never more than a limit. A pipe
//! would make voer wait for a writer for good, `/dev/zero` would fill the memory, and on
//! Windows `CON` would wait for the console's keys.
use std::{
    fmt,
    fs::{self, File, OpenOptions},
    io::{self, Read},
    path::Path,
};

/// A path that names a pipe, a device or a socket rather than a file.
#[derive(Debug)]
pub struct NotRegular;

impl fmt::Display for NotRegular {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a regular file (a pipe, a device or a socket)")
    }
}

impl std::error::Error for NotRegular {}

/// A file larger than voer reads of its kind.
#[derive(Debug)]
pub struct TooLarge {
    /// The most voer reads, in bytes.
    pub limit: u64,
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "larger than {} MiB", self.limit >> 20)
    }
}

impl std::error::Error for TooLarge {}

/// A folder voer will not write in, though it is where its own folder should be: a symbolic
/// link (voer would write, and set permissions, wherever it points) or a folder that belongs
/// to someone else.
#[derive(Debug)]
pub enum UnsafeFolder {
    Link,
    NotYours,
}

impl fmt::Display for UnsafeFolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UnsafeFolder::Link => "a symbolic link, not a folder of its own",
            UnsafeFolder::NotYours => "a folder of another user",
        })
    }
}

impl std::error::Error for UnsafeFolder {}

/// Checks that `dir`, if it is there, is a real folder of the user's own: not a symbolic link,
/// not someone else's. (What is there is left as it is: voer never changes the permissions of
/// a folder it did not make.)
pub fn check_own_folder(dir: &Path) -> io::Result<()> {
    let meta = match fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let unsafe_folder = |why| io::Error::new(io::ErrorKind::PermissionDenied, why);
    if meta.file_type().is_symlink() {
        return Err(unsafe_folder(UnsafeFolder::Link));
    }
    if !meta.is_dir() {
        return Err(io::ErrorKind::NotADirectory.into());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        if meta.uid() != unsafe { libc::geteuid() } {
            return Err(unsafe_folder(UnsafeFolder::NotYours));
        }
    }
    Ok(())
}

/// Opens `path` for reading if it is a regular file (symbolic links followed), without ever
/// waiting: it is looked at before it is opened, opened without blocking (a pipe put there
/// meanwhile does not wait for a writer), and looked at again once open.
pub fn open_regular(path: &Path) -> io::Result<File> {
    // On Windows `CON` or `com1.toml` is a device in every folder, whatever is on the disk.
    if cfg!(windows) && super::names_a_device(path) {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, NotRegular));
    }
    check_regular(&fs::metadata(path)?)?;
    open_checked(path, false)
}

/// As [`open_regular`], for a file voer itself keeps (its cache): a symbolic link is refused
/// too, not followed (on Unix with `ELOOP` from the system, elsewhere before it is opened).
pub fn open_own_regular(path: &Path) -> io::Result<File> {
    let meta = fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, NotRegular));
    }
    check_regular(&meta)?;
    open_checked(path, true)
}

/// Opens `path` for reading without waiting (and, with `no_link`, without following a
/// symbolic link put there meanwhile), and checks that what was opened is a regular file.
fn open_checked(path: &Path, no_link: bool) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let link = if no_link { libc::O_NOFOLLOW } else { 0 };
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | link);
    }
    #[cfg(not(unix))]
    let _ = no_link;
    let file = opts.open(path)?;
    check_regular(&file.metadata()?)?;
    Ok(file)
}

fn check_regular(meta: &fs::Metadata) -> io::Result<()> {
    if meta.is_dir() {
        return Err(io::ErrorKind::IsADirectory.into());
    }
    if !meta.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, NotRegular));
    }
    Ok(())
}

/// The bytes of the regular file at `path`, at most `limit` of them: a larger file is refused
/// with [`TooLarge`], anything but a regular file with [`NotRegular`].
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let told = file.metadata().map(|m| m.len()).unwrap_or(0);
    let too_large = || io::Error::new(io::ErrorKind::FileTooLarge, TooLarge { limit });
    if told > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(told).unwrap_or(0));
    // One byte more than allowed tells a file that grew while it was read.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_up_to_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.toml");
        fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_regular(&path, 10).unwrap(), b"0123456789");
        let e = read_regular(&path, 9).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert!(e.get_ref().is_some_and(|r| r.is::<TooLarge>()));
        let e = read_regular(dir.path(), 10).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::IsADirectory);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_of_ones_own_is_one_that_is_no_link() {
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("eigen");
        assert!(check_own_folder(&own).is_ok(), "not there yet: fine");
        fs::create_dir(&own).unwrap();
        assert!(check_own_folder(&own).is_ok());
        let link = dir.path().join("koppeling");
        std::os::unix::fs::symlink(&own, &link).unwrap();
        let e = check_own_folder(&link).unwrap_err();
        assert!(matches!(
            e.get_ref().and_then(|r| r.downcast_ref::<UnsafeFolder>()),
            Some(UnsafeFolder::Link)
        ));
        // Someone else's: the root folder, unless these tests run as root.
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            let e = check_own_folder(Path::new("/")).unwrap_err();
            assert!(matches!(
                e.get_ref().and_then(|r| r.downcast_ref::<UnsafeFolder>()),
                Some(UnsafeFolder::NotYours)
            ));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_of_voers_own_is_opened_only_when_it_is_no_link() {
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join(".cache.json");
        fs::write(&own, b"eigen").unwrap();
        let mut text = String::new();
        open_own_regular(&own)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "eigen");
        // A link to a plain file: followed by `open_regular`, refused here.
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&own, &link).unwrap();
        assert!(open_regular(&link).is_ok());
        let e = open_own_regular(&link).unwrap_err();
        assert!(e.get_ref().is_some_and(|r| r.is::<NotRegular>()), "{e}");
        // A pipe: refused at once, never waited on.
        let fifo = dir.path().join("pijp.json");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string; mkfifo only makes a file.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = open_own_regular(&fifo).unwrap_err();
        assert!(e.get_ref().is_some_and(|r| r.is::<NotRegular>()), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_or_a_device_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pijp.toml");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string; mkfifo only makes a file.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let zero = dir.path().join("nul.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for path in [&fifo, &zero] {
            let e = read_regular(path, 1 << 20).unwrap_err();
            assert!(e.get_ref().is_some_and(|r| r.is::<NotRegular>()), "{e}");
        }
    }
}
