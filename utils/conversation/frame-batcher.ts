/** Calls `flush` once per animation frame at most; a timer stands in when frames are not running. */
export function frameBatcher(flush: () => void) {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    timer = undefined;
    flush();
  };
  return {
    /** Now, not at the next frame: the first words of an answer should not wait. */
    flushNow: run,
    schedule() {
      if (timer !== undefined) return;
      frame = requestAnimationFrame(run);
      timer = setTimeout(run, 100);
    },
    cancel() {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    },
  };
}
