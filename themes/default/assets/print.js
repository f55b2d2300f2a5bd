// Shows the "Print / save as PDF" button: without JavaScript it stays hidden, because it could
// not work. The site needs no script for anything else.
document.querySelectorAll("button.print-button").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
