//! Reading a file that someone else may have put there (a config, an episode, a session):
//! only a regular file is read, never a pipe or a device, and never more than a limit. A pipe
//! would make voer wait for a writer for good, `/dev/zero` would fill the memory.
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

/// Opens `path` for reading if it is a regular file (symbolic links followed), without ever
/// waiting: it is looked at before it is opened, opened without blocking (a pipe put there
/// meanwhile does not wait for a writer), and looked at again once open.
pub fn open_regular(path: &Path) -> io::Result<File> {
    check_regular(&fs::metadata(path)?)?;
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
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
