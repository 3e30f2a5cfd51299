// Draws every chart of a page from its element's data-chart attribute (an ECharts option, built
// by the server in the page's language). No inline script: the pages' CSP allows scripts from
// this site only. The element carries role="img" and a summary in words; the table beside it
// holds the same figures for those who read rather than look.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(JSON.parse(el.getAttribute('data-chart')));
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
