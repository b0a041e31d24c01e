// Charts of the cohort overview (Chart.js is vendored beside this file).
document.addEventListener("DOMContentLoaded", function () {
  var data = document.getElementById("module-data");
  var canvas = document.getElementById("module-chart");
  if (!data || !canvas || typeof Chart === "undefined") return;
  var d = JSON.parse(data.textContent);
  if (!d.labels.length) return;
  new Chart(canvas, {
    type: "bar",
    data: { labels: d.labels, datasets: [
      { label: "Pass rate %", data: d.pass_rate, backgroundColor: "#3aa76d" },
      { label: "Average score %", data: d.average, backgroundColor: "#2f5bd3" } ] },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      scales: { y: { min: 0, max: 100 } } }
  });
});
