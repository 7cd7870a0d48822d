// Lists the events the embedded troubleshooter dispatches on its frame.
const log = document.getElementById('event-log');
for (const type of ['ready', 'step', 'outcome', 'resize', 'feedback']) {
  document.addEventListener(`troubleshooter:${type}`, (event) => {
    const item = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = type;
    const detail = event.detail;
    const summary =
      type === 'step'
        ? detail.question
        : type === 'outcome'
          ? `${detail.kind}: ${detail.title} (${detail.article ?? 'no article'})`
          : type === 'resize'
            ? `${detail.height}px`
            : type === 'feedback'
              ? `solved: ${detail.solved ? 'yes' : 'no'}`
              : detail.title;
    item.append(name, ` ${summary}`);
    log.prepend(item);
  });
}
