// Loaded before the widget (bench/page.html): counts timer callbacks and keeps the ids of timers
// still pending, so the idle goal can say what the widget leaves running. Pass-through otherwise.
(() => {
  // The originals, for the bench's own waiting (not counted).
  window.benchRaw = { requestAnimationFrame: window.requestAnimationFrame.bind(window) };
  const counts = { fired: 0 };
  const pending = new Set();
  const wrap = (setName, clearName, once) => {
    const set = window[setName].bind(window);
    const clear = window[clearName].bind(window);
    window[setName] = (callback, ...rest) => {
      const id = set((...args) => {
        counts.fired += 1;
        if (once) pending.delete(`${setName}:${id}`);
        return callback(...args);
      }, ...rest);
      pending.add(`${setName}:${id}`);
      return id;
    };
    window[clearName] = (id) => {
      pending.delete(`${setName}:${id}`);
      return clear(id);
    };
  };
  wrap('setTimeout', 'clearTimeout', true);
  wrap('setInterval', 'clearInterval', false);
  wrap('requestAnimationFrame', 'cancelAnimationFrame', true);
  window.benchTimersReset = () => (counts.fired = 0);
  window.benchTimersFired = () => counts.fired;
  window.benchTimersPending = () => pending.size;
})();
