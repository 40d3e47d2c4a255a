// The history of a sensor (temperature, humidity, power...) over a chosen period, from Home Assistant's recorder,
// drawn with uPlot, which the hub serves itself (vendor/), so charts work offline and under the page's CSP.
import { api } from './api.js';
import { el } from './dom.js';

let chart = null;

// Offers the sensors that have a unit (those with numbers worth drawing).
export function chartChoices(home) {
  const select = document.getElementById('chart-entity');
  const current = select.value;
  const sensors = [...home.areas.flatMap((area) => area.entities), ...home.unassigned]
    .filter((entity) => entity.domain === 'sensor' && entity.unit);
  select.replaceChildren(...sensors.map((entity) => {
    const option = el('option', null, `${entity.name} (${entity.unit})`);
    option.value = entity.entity_id;
    option.dataset.unit = entity.unit;
    return option;
  }));
  if (current && sensors.some((entity) => entity.entity_id === current)) select.value = current;
}

export async function drawChart() {
  const select = document.getElementById('chart-entity');
  const box = document.getElementById('chart');
  const status = document.getElementById('chart-status');
  if (!select.value) return;
  try {
    const hours = document.getElementById('chart-hours').value;
    const { points } = await api(`/api/home/history?entity_id=${encodeURIComponent(select.value)}&hours=${hours}`);
    const drawn = points.filter((point) => point.v !== null);
    box.dataset.points = String(drawn.length);
    status.textContent = drawn.length ? '' : 'Nothing recorded in this period.';
    if (chart) chart.destroy();
    const unit = select.selectedOptions[0].dataset.unit;
    chart = new window.uPlot({
      width: Math.max(280, box.clientWidth),
      height: 220,
      series: [{}, { label: `${select.selectedOptions[0].textContent}`, stroke: '#2f5ed8', width: 2,
        value: (u, v) => (v === null ? '' : `${v} ${unit}`) }],
      axes: [{ stroke: getComputedStyle(document.body).color }, { stroke: getComputedStyle(document.body).color }],
    }, [drawn.map((point) => point.t / 1000), drawn.map((point) => point.v)], box);
  } catch (error) {
    status.textContent = `History: ${error.message}`;
  }
}

export function initCharts() {
  document.getElementById('chart-entity').addEventListener('change', drawChart);
  document.getElementById('chart-hours').addEventListener('change', drawChart);
  document.querySelector('nav.tabs button[data-view="house"]').addEventListener('click', drawChart);
}
